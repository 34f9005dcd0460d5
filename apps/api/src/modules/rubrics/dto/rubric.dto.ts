import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import type { BonusItem, Criterion } from '@jimukyoku/domain';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

/** Criteria and 加点項目 are checked by libs/domain's validateRubric (one rule, one place). */
@ReadOnlyRecordFields(
  'id',
  'roundId',
  'categoryId',
  'categoryCode',
  'categoryName',
  'frozen',
  'frozenAt',
  'maxTotal',
  'version',
  'updatedBy',
  'createdAt',
  'updatedAt',
)
export class UpdateRubricDto {
  @ApiPropertyOptional({
    description: '審査項目 [{code, label, maxScore, weight, description?}]',
    example: [{ code: 'commercialization', label: '事業化点', maxScore: 5, weight: 2 }],
  })
  @IsOptional()
  @IsArray({ message: 'criteria (審査項目) は配列で指定してください' })
  @ArrayMaxSize(50, { message: 'criteria (審査項目) は50項目までです' })
  criteria?: Criterion[];

  @ApiPropertyOptional({ description: '加点項目 [{code, label, points}]', example: [{ code: 'wageIncrease', label: '賃上げ加点', points: 1 }] })
  @IsOptional()
  @IsArray({ message: 'bonusItems (加点項目) は配列で指定してください' })
  @ArrayMaxSize(50, { message: 'bonusItems (加点項目) は50項目までです' })
  bonusItems?: BonusItem[];

  @ApiPropertyOptional({ description: '1申請あたりの審査員数', example: 3 })
  @IsOptional()
  @IsInt({ message: 'reviewersPerApplication (審査員数) は1〜10の整数で指定してください' })
  @Min(1, { message: 'reviewersPerApplication (審査員数) は1〜10の整数で指定してください' })
  @Max(10, { message: 'reviewersPerApplication (審査員数) は1〜10の整数で指定してください' })
  reviewersPerApplication?: number;

  @ApiPropertyOptional({ description: '割当から審査期限までの日数', example: 14 })
  @IsOptional()
  @IsInt({ message: 'reviewDays (審査期間) は1〜180の整数で指定してください' })
  @Min(1, { message: 'reviewDays (審査期間) は1〜180の整数で指定してください' })
  @Max(180, { message: 'reviewDays (審査期間) は1〜180の整数で指定してください' })
  reviewDays?: number;

  @ApiPropertyOptional({ description: '審査員ごとの標準化 (zスコア) を行う' })
  @IsOptional()
  @IsBoolean({ message: 'normalise は true か false で指定してください' })
  normalise?: boolean;

  @ApiPropertyOptional({ description: '審査員間の合計点の差 (最大−最小) がこれを超えたら乖離とする。null で判定しない', nullable: true, example: 10 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({}, { message: 'disagreementThreshold (乖離の閾値) は正の数で指定してください' })
  @Min(0.0001, { message: 'disagreementThreshold (乖離の閾値) は正の数で指定してください' })
  @Max(99_999, { message: 'disagreementThreshold (乖離の閾値) は 99999 以下で指定してください' })
  disagreementThreshold?: number | null;

  @ApiPropertyOptional({ description: '乖離した申請に審査員を1名自動で追加する' })
  @IsOptional()
  @IsBoolean({ message: 'extraReviewerOnDisagreement は true か false で指定してください' })
  extraReviewerOnDisagreement?: boolean;
}
