import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EachIsObject } from '../../../common/each-object.decorator';

export class FormalCheckAnswerDto {
  @ApiProperty({ example: 'document.businessPlan' }) @IsString({ message: 'code (確認項目) を指定してください' }) @MaxLength(100) code!: string;
  @ApiProperty({ description: '適合なら true、不適なら false' })
  @IsBoolean({ message: 'passed は true (適) か false (不適) で指定してください' })
  passed!: boolean;
  @ApiPropertyOptional({ description: 'コメント (不適の場合は申請者に伝わる補正内容)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'comment は2000文字以内で入力してください' })
  comment?: string;
  @ApiPropertyOptional({ description: 'システムの判定が不適の項目 (passNeedsReason) を適とする理由。その場合は必須で、監査ログに残る' })
  @IsOptional()
  @IsString({ message: 'overrideReason は文字列で指定してください' })
  @MaxLength(2000, { message: 'overrideReason は2000文字以内で入力してください' })
  overrideReason?: string;
}

export class SaveFormalCheckDto {
  @ApiProperty({ type: [FormalCheckAnswerDto] })
  @IsArray({ message: 'answers は配列で指定してください' })
  @ArrayMaxSize(100)
  @EachIsObject('answers')
  @ValidateNested({ each: true })
  @Type(() => FormalCheckAnswerDto)
  answers!: FormalCheckAnswerDto[];
}

export const FORMAL_CHECK_OUTCOMES = ['pass', 'return', 'ineligible'] as const;
export type FormalCheckOutcomeKind = (typeof FORMAL_CHECK_OUTCOMES)[number];

export class CompleteFormalCheckDto {
  @ApiProperty({
    enum: FORMAL_CHECK_OUTCOMES,
    description:
      'pass = 適、return = 差戻し・不備 (不適の項目を申請者に通知)、ineligible = 要件不適合。実行する遷移と選べる結果は手続定義による (GET の outcomes)',
  })
  @IsIn(FORMAL_CHECK_OUTCOMES, { message: 'outcome は pass (審査へ)、return (差戻し)、ineligible (要件不適合) のいずれかです' })
  outcome!: FormalCheckOutcomeKind;

  @ApiPropertyOptional({ type: [FormalCheckAnswerDto], description: '最後に入力した回答 (保存済みの回答に上書き)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @EachIsObject('answers')
  @ValidateNested({ each: true })
  @Type(() => FormalCheckAnswerDto)
  answers?: FormalCheckAnswerDto[];

  @ApiPropertyOptional({ description: '申請者への理由。省略すると不適の項目とコメントから作成' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}
