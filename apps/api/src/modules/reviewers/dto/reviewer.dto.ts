import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

export class ConflictDto {
  @ApiProperty() @IsUUID('4', { message: 'reviewerId は審査員のIDを指定してください' }) reviewerId!: string;
  @ApiProperty({ enum: ['corporateNumber', 'organisation'], description: 'corporateNumber = 法人番号、organisation = 組織名 (申請者・認定支援機関)' })
  @IsIn(['corporateNumber', 'organisation'], { message: 'kind は corporateNumber (法人番号) か organisation (組織名) です' })
  kind!: 'corporateNumber' | 'organisation';
  @ApiProperty({ example: '1180301018771' }) @IsString({ message: 'value (法人番号または組織名) を入力してください' }) @MaxLength(200) value!: string;
  @ApiPropertyOptional({ example: '元勤務先' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@ReadOnlyRecordFields('id', 'name', 'email', 'active', 'openCount', 'overdueCount', 'submittedCount', 'openFormalChecks', 'conflictCount')
export class ReviewerSettingsDto {
  @ApiPropertyOptional({ nullable: true, description: '所属組織 (利益相反の判定に使用)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  organisation?: string | null;
  @ApiPropertyOptional({ description: '同時に持てる未提出の割当の上限件数' })
  @IsOptional()
  @IsInt({ message: 'reviewCapacity (上限件数) は0〜100000の整数で指定してください' })
  @Min(0, { message: 'reviewCapacity (上限件数) は0〜100000の整数で指定してください' })
  @Max(100_000, { message: 'reviewCapacity (上限件数) は0〜100000の整数で指定してください' })
  reviewCapacity?: number;
}
