import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { HasText } from '../../../common/has-text.decorator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

const CODE = /^[a-zA-Z][\w.-]*$/;
const CODE_MESSAGE = 'code は英字で始まる英数字・ . _ - で入力してください';

export class CreateProgramDto {
  @ApiProperty({ example: 'restructuring' }) @Matches(CODE, { message: CODE_MESSAGE }) @MaxLength(100) code!: string;
  @ApiProperty({ example: '事業再構築補助金' }) @IsString() @HasText('name (名称) を入力してください') @MaxLength(200) name!: string;
  @ApiProperty({ enum: ['subsidy', 'benefit', 'contract'] })
  @IsIn(['subsidy', 'benefit', 'contract'], { message: 'kind は subsidy, benefit, contract のいずれかです' })
  kind!: 'subsidy' | 'benefit' | 'contract';
  @ApiProperty({ enum: ['subsidy', 'benefit', 'itSubsidy'] })
  @IsIn(['subsidy', 'benefit', 'itSubsidy'], { message: 'workflowKind は subsidy, benefit, itSubsidy のいずれかです' })
  workflowKind!: 'subsidy' | 'benefit' | 'itSubsidy';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) assumption?: string;
}

@ReadOnlyRecordFields('id', 'code', 'kind', 'workflowKind', 'createdAt', 'updatedAt')
export class UpdateProgramDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @HasText('name (名称) を入力してください') @MaxLength(200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) assumption?: string | null;
}

export class CreateRuleSetDto {
  @ApiProperty() @IsUUID('4', { message: 'programId は事業のIDを指定してください' }) programId!: string;
  @ApiProperty({ example: 'restructuring.r3-sup' }) @Matches(CODE, { message: CODE_MESSAGE }) @MaxLength(100) code!: string;
  @ApiProperty({ example: 'r3-sup' }) @IsString() @HasText('edition (版) を入力してください') @MaxLength(50) edition!: string;
  @ApiProperty({ example: '令和3年度補正' }) @IsString() @HasText('label (表示名) を入力してください') @MaxLength(200) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) assumption?: string;
}

@ReadOnlyRecordFields('id', 'programId', 'code', 'edition', 'version', 'supersedesId', 'lockedAt', 'createdAt', 'updatedAt')
export class UpdateRuleSetDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @HasText('label (表示名) を入力してください') @MaxLength(200) label?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) assumption?: string | null;
}

export class CreateCategoryDto {
  @ApiProperty() @IsUUID('4', { message: 'ruleSetId は予算・版のIDを指定してください' }) ruleSetId!: string;
  @ApiProperty({ description: 'CategoryConfig (libs/domain) — code, name, kind, pricing, floor, expenseTypes, exclusions, requirements' })
  @IsObject({ message: 'config は類型設定のオブジェクトで指定してください' })
  config!: Record<string, unknown>;
}

@ReadOnlyRecordFields('id', 'ruleSetId', 'programId', 'code', 'name', 'kind', 'summary', 'createdAt', 'updatedAt')
export class UpdateCategoryDto {
  @ApiProperty({ description: 'the whole CategoryConfig; its code must stay the same' })
  @IsObject({ message: 'config は類型設定のオブジェクトで指定してください' })
  config!: Record<string, unknown>;
}
