import { YEN_MAX } from '@jimukyoku/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';

const yen = { message: 'budget (予算) は1兆円までの0以上の整数 (円) で指定してください' };
const count = (field: string) => ({ message: `${field} は0以上の整数で指定してください` });
/**
 * A query string arrives as text: "" and "null" mean "no limit"; a number is written in decimal digits (Number()
 * also read 「0x10」 as 16円, 「1e3」 and 「 100」).
 */
const fromQueryText = ({ value }: { value: unknown }) =>
  value === '' || value === 'null' || value === null ? null : typeof value === 'string' ? (/^\d{1,16}$/.test(value) ? Number(value) : NaN) : value;
/**
 * A JSON body says what it means: only null is "no limit", and a limit is a number. A decision committed with
 * `"budget": ""` (an emptied form field) would otherwise adopt with no budget at all.
 */
const asJsonValue = ({ value }: { value: unknown }) => value;
const fromQueryFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The ranking's limits, read from a query string (the simulator) or from a JSON body (the decision). */
function rankingLimits(source: 'query' | 'body') {
  const limit = source === 'query' ? fromQueryText : asJsonValue;
  class RankingLimits {
    @ApiProperty({ description: '類型 (category id)' }) @IsUUID('4', { message: 'categoryId は類型のIDを指定してください' }) categoryId!: string;
    @ApiPropertyOptional({ type: Number, description: '予算 (円、採択額の合計の上限)。省略すると公募回・類型の予算、null で上限なし', nullable: true })
    @IsOptional()
    @Transform(limit)
    @ValidateIf((_, v) => v !== null)
    @IsInt(yen)
    @Min(0, yen)
    @Max(YEN_MAX, yen)
    budget?: number | null;
    @ApiPropertyOptional({ type: Number, description: '採択件数の上限。省略すると公募回・類型の採択枠、null で上限なし', nullable: true })
    @IsOptional()
    @Transform(limit)
    @ValidateIf((_, v) => v !== null)
    @IsInt(count('quota (採択件数)'))
    @Min(0, count('quota (採択件数)'))
    @Max(1_000_000, count('quota (採択件数)'))
    quota?: number | null;
    @ApiPropertyOptional({ type: Number, description: '補欠とする件数 (採択ラインの次から)。null は0件', nullable: true })
    @IsOptional()
    @Transform(limit)
    @ValidateIf((_, v) => v !== null)
    @IsInt(count('waitlistCount (補欠の件数)'))
    @Min(0, count('waitlistCount (補欠の件数)'))
    @Max(1_000_000, count('waitlistCount (補欠の件数)'))
    waitlistCount?: number | null;
    @ApiPropertyOptional({ description: '標準化の有無 (試算用に審査基準の設定を上書き)' })
    @IsOptional()
    @Transform(source === 'query' ? fromQueryFlag : asJsonValue)
    @IsBoolean({ message: 'normalise は true か false で指定してください' })
    normalise?: boolean;
  }
  return RankingLimits;
}

export class RankingQueryDto extends rankingLimits('query') {}

export class RankingPageDto extends RankingQueryDto {
  @ApiPropertyOptional({ description: '表に返す順位の開始位置 (0から)。グラフ用の点数は常に全件', default: 0 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt(count('offset'))
  @Min(0, count('offset'))
  @Max(2_147_483_647, count('offset'))
  offset?: number;
  @ApiPropertyOptional({ description: '表に返す件数 (最大5,000)', default: 500 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt(count('limit'))
  @Min(1, { message: 'limit は1〜5000の整数で指定してください' })
  @Max(5000, { message: 'limit は1〜5000の整数で指定してください' })
  limit?: number;
}

export class CommitDecisionDto extends rankingLimits('body') {
  @ApiProperty({ description: 'シミュレーション結果の fingerprint。確定までに審査結果が変わっていたら 409' })
  @IsString({ message: 'fingerprint (シミュレーション結果の識別子) を指定してください' })
  @Length(32, 32, { message: 'fingerprint はシミュレーション結果の値をそのまま指定してください' })
  fingerprint!: string;
}
