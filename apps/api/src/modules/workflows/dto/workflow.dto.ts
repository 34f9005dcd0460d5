import { ROLES, STATE_TAGS, STATE_TONES } from '@jimukyoku/workflow';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WorkflowStateDto {
  @ApiProperty({ description: '状態コード (application.status)', example: 'returned' }) code!: string;
  @ApiProperty({ description: '表示名', example: '差戻し' }) label!: string;
  @ApiProperty({ enum: ['initial', 'active', 'terminal'], description: '初期状態・途中・最終状態' }) kind!: string;
  @ApiProperty({ enum: STATE_TONES, description: '表示の色合い (管理画面のチップの色)' }) tone!: string;
  @ApiProperty({ enum: STATE_TAGS, isArray: true, description: 'ほかの機能が問い合わせる性質 (採択枠を使う、補正期限が走る など)' }) tags!: string[];
}

export class WorkflowTransitionDto {
  @ApiProperty({ description: '遷移名 (POST /api/applications/:id/transitions/:name)', example: 'returnForCorrection' }) name!: string;
  @ApiProperty({ description: 'ボタンの表示名', example: '差し戻す' }) label!: string;
  @ApiProperty({ type: [String], description: '遷移元の状態コード' }) from!: string[];
  @ApiProperty({ description: '遷移先の状態コード' }) to!: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: '実行できる役割' }) roles!: string[];
}

/** One registered workflow definition (libs/workflow), as the admin reads it. */
export class WorkflowDto {
  @ApiProperty({ description: '`code@version`', example: 'subsidy@1' }) id!: string;
  @ApiProperty({ example: 'subsidy' }) code!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ description: '手続の名称' }) label!: string;
  @ApiProperty({ type: [WorkflowStateDto] }) states!: WorkflowStateDto[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions!: WorkflowTransitionDto[];
}

/** The filters GET /api/workflows understands. */
export class WorkflowFilterDoc {
  @ApiPropertyOptional({ type: [String] }) id?: string[];
  @ApiPropertyOptional({ type: [String] }) code?: string[];
}
