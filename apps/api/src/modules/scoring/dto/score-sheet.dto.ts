import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasText } from '../../../common/has-text.decorator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

/** Scores are checked against the rubric by libs/domain's scoreSheetProblems (one rule, one place). */
@ReadOnlyRecordFields(
  'id',
  'applicationId',
  'application',
  'reviewerId',
  'reviewerName',
  'rubric',
  'dueAt',
  'revoked',
  'status',
  'total',
  'editable',
  'submittedAt',
  'reopenedAt',
  'reopenReason',
)
export class ScoreSheetDto {
  @ApiPropertyOptional({ description: '審査項目コード → 点数', example: { commercialization: 4, restructuring: 3, policy: 2 } })
  @IsOptional()
  @IsObject({ message: 'scores は {審査項目コード: 点数} の形式で指定してください' })
  scores?: Record<string, number | null>;

  @ApiPropertyOptional({
    description: '審査項目コード → コメント (文字、4000文字以内。空欄で消す)',
    example: { commercialization: '売上見込みの根拠が具体的' },
  })
  @IsOptional()
  @IsObject({ message: 'comments は {審査項目コード: コメント} の形式で指定してください' })
  comments?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], description: '確認した加点項目 (申請者が申告したもののうち)' })
  @IsOptional()
  @IsArray({ message: 'confirmedBonus は加点項目コードの配列で指定してください' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  confirmedBonus?: string[];

  @ApiPropertyOptional({ description: '総評 (null: なし)', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'overallComment (総評) は4000文字以内で入力してください' })
  overallComment?: string | null;
}

export class ReopenDto {
  @ApiProperty({ description: '再開の理由 (監査ログに残り、審査員に表示されます)' })
  @IsString({ message: 'reason (再開の理由) を入力してください' })
  @HasText('reason (再開の理由) を入力してください')
  @MaxLength(2000)
  reason!: string;
}
