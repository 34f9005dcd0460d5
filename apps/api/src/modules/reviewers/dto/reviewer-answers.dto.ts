import { ApiProperty } from '@nestjs/swagger';

/**
 * What the reviewer and conflict-of-interest routes answer on success, as OpenAPI describes it (a reviewer with their
 * load: reviewers.repository.ts `list`; a declaration: the conflict_of_interest row).
 */
export class ReviewerLoadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true, description: '所属組織 (利益相反の判定に使う)' }) organisation!: string | null;
  @ApiProperty({ description: '有効なアカウント' }) active!: boolean;
  @ApiProperty({ type: 'integer', description: '同時に持てる未提出の割当の上限件数' }) reviewCapacity!: number;
  @ApiProperty({ type: 'integer', description: '未提出の割当 (要件確認と審査)' }) openCount!: number;
  @ApiProperty({ type: 'integer', description: '期限を過ぎた未提出の割当' }) overdueCount!: number;
  @ApiProperty({ type: 'integer', description: '提出済みの割当' }) submittedCount!: number;
  @ApiProperty({ type: 'integer', description: '未完了の要件確認' }) openFormalChecks!: number;
  @ApiProperty({ type: 'integer', description: '有効な利益相反の申告' }) conflictCount!: number;
}

export class ConflictOfInterestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ enum: ['corporateNumber', 'organisation'], description: '法人番号か組織名か' }) kind!: string;
  @ApiProperty({ description: '法人番号 (13桁) または組織名' }) value!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '申告した職員' }) declaredBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) declaredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '取り消した日時 (UTC)。null は有効' }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revokedBy!: string | null;
}

export class DeclaredConflictDto extends ConflictOfInterestDto {
  @ApiProperty({ type: 'integer', description: 'この申告で取り消した未提出の割当の件数' }) revokedAssignments!: number;
}
