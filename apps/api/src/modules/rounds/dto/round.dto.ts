import { YEN_MAX } from '@jimukyoku/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInstant } from '../../../common/is-instant.decorator';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EachIsObject } from '../../../common/each-object.decorator';
import { HasText } from '../../../common/has-text.decorator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

export class RoundCategoryDto {
  @ApiProperty() @IsUUID('4', { message: 'categories[].categoryId は類型のIDを指定してください' }) categoryId!: string;
  @ApiPropertyOptional({ description: '予算 (円、整数)', nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: '予算 (budget) は円単位の整数で指定してください' })
  @Min(0, { message: '予算 (budget) は0円以上で指定してください' })
  @Max(YEN_MAX, { message: '予算 (budget) は1兆円までです' })
  budget?: number | null;
  @ApiPropertyOptional({ description: '採択予定件数', nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: '採択予定件数 (adoptionQuota) は整数で指定してください' })
  @Min(0)
  @Max(1_000_000, { message: '採択予定件数 (adoptionQuota) は1,000,000件までです' })
  adoptionQuota?: number | null;
}

export class CreateRoundDto {
  @ApiProperty() @IsUUID('4', { message: 'programId は事業のIDを指定してください' }) programId!: string;
  @ApiProperty() @IsUUID('4', { message: 'ruleSetId は予算・版のIDを指定してください' }) ruleSetId!: string;
  @ApiProperty({ example: 7 })
  @IsInt({ message: 'number (第何回) は整数で指定してください' })
  @Min(1)
  @Max(9999, { message: 'number (第何回) は1〜9999で指定してください' })
  number!: number;
  @ApiPropertyOptional({ example: '第7回公募' }) @IsOptional() @IsString() @HasText('name (名称) を入力してください') @MaxLength(100) name?: string;
  @ApiProperty({ example: '2022-07-01T00:00:00+09:00' }) @IsInstant() opensAt!: string;
  @ApiProperty({ example: '2022-09-30T18:00:00+09:00' }) @IsInstant() closesAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() announcementFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() announcementTo?: string;
  @ApiPropertyOptional({ example: '令和4年11月下旬頃（予定）' }) @IsOptional() @IsString() @MaxLength(100) announcementLabel?: string;
  @ApiPropertyOptional({ description: '手続定義の版（省略時は事業の手続定義の最新版。docs/post-award.md）', example: 2 })
  @IsOptional()
  @IsInt({ message: '手続定義の版 (workflowVersion) は整数で指定してください' })
  @Min(1)
  @Max(1000)
  workflowVersion?: number;
  @ApiPropertyOptional({
    description: '交付決定の後に概算払を請求できるか（公募要領が概算払を定める公募回に限り true。docs/post-award.md「概算払」）',
    example: false,
  })
  @IsOptional()
  @IsBoolean({ message: '概算払の可否 (advancePaymentAllowed) は true か false で指定してください' })
  advancePaymentAllowed?: boolean;
  @ApiPropertyOptional({ type: [RoundCategoryDto], description: '省略時は予算・版の全類型' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @EachIsObject('categories')
  @ValidateNested({ each: true })
  @Type(() => RoundCategoryDto)
  categories?: RoundCategoryDto[];
}

@ReadOnlyRecordFields(
  'id',
  'code',
  'programId',
  'programName',
  'number',
  'title',
  'status',
  'correctionPeriodDays',
  'graceMinutes',
  'receiptPrefix',
  'assumption',
  'opensAtJst',
  'closesAtJst',
  'closedAt',
  'createdAt',
  'updatedAt',
)
export class UpdateRoundDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @HasText('name (名称) を入力してください') @MaxLength(100) name?: string;
  @ApiPropertyOptional({ description: '公募開始前に限り変更可能' }) @IsOptional() @IsUUID('4') ruleSetId?: string;
  @ApiPropertyOptional({ description: '手続定義の版。申請が1件もない公募回に限り変更可能（docs/post-award.md）', example: 2 })
  @IsOptional()
  @IsInt({ message: '手続定義の版 (workflowVersion) は整数で指定してください' })
  @Min(1)
  @Max(1000)
  workflowVersion?: number;
  @ApiPropertyOptional({
    description: '交付決定の後に概算払を請求できるか（公募要領が概算払を定める公募回に限り true。docs/post-award.md「概算払」）',
    example: false,
  })
  @IsOptional()
  @IsBoolean({ message: '概算払の可否 (advancePaymentAllowed) は true か false で指定してください' })
  advancePaymentAllowed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInstant() opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() closesAt?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsInstant() announcementFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsInstant() announcementTo?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) announcementLabel?: string | null;
  @ApiPropertyOptional({ type: [RoundCategoryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @EachIsObject('categories')
  @ValidateNested({ each: true })
  @Type(() => RoundCategoryDto)
  categories?: RoundCategoryDto[];
}
