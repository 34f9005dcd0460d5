import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the rubric routes answer on success, as OpenAPI describes it (rubrics.service.ts `rubricView`). The criteria
 * and 加点項目 are also what a score sheet and an application's reviews show (scoring/dto/scoring-answers.dto.ts).
 */
export class CriterionAnswerDto {
  @ApiProperty({ example: 'commercialization' }) code!: string;
  @ApiProperty({ example: '事業化点' }) label!: string;
  @ApiProperty({ type: 'integer', description: '満点 (0〜満点の整数で採点)' }) maxScore!: number;
  @ApiProperty({ description: '重み (合計点で点数に掛ける)' }) weight!: number;
  @ApiPropertyOptional() description?: string;
}

export class BonusItemAnswerDto {
  @ApiProperty({ example: 'wageIncreaseBonus' }) code!: string;
  @ApiProperty({ example: '賃上げ加点' }) label!: string;
  @ApiProperty({ type: 'integer', description: '点数 (多数の審査員が確認したとき合計点に加える)' }) points!: number;
  @ApiPropertyOptional() description?: string;
}

export class RubricAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ type: String, nullable: true, description: '類型のコード' }) categoryCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '類型名' }) categoryName!: string | null;
  @ApiProperty({ type: [CriterionAnswerDto], description: '審査項目' }) criteria!: CriterionAnswerDto[];
  @ApiProperty({ type: [BonusItemAnswerDto], description: '加点項目' }) bonusItems!: BonusItemAnswerDto[];
  @ApiProperty({ type: 'integer', description: '1申請あたりの審査員数' }) reviewersPerApplication!: number;
  @ApiProperty({ type: 'integer', description: '割当から審査期限までの日数' }) reviewDays!: number;
  @ApiProperty({ description: '審査員ごとの標準化 (zスコア) を行う' }) normalise!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: '乖離の閾値 (合計点の最大−最小)。null は判定しない' }) disagreementThreshold!: number | null;
  @ApiProperty({ description: '乖離した申請に審査員を1名自動で追加する' }) extraReviewerOnDisagreement!: boolean;
  @ApiProperty({ description: '最初の採点で審査項目・加点項目が確定した' }) frozen!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '確定した日時 (UTC)' }) frozenAt!: string | null;
  @ApiProperty({ description: '審査項目が満点のときの合計点 (重み付き、加点を除く)' }) maxTotal!: number;
  @ApiProperty({ type: 'integer', description: '変更のたびに増える版' }) version!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '最後に変更した職員' }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}
