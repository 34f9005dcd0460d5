import { YEN_MAX } from '@jimukyoku/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REVOCATION_GROUNDS, type RevocationGround } from '../repayment.entity';
import { HasText } from '../../../common/has-text.decorator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 交付決定取消: the reason, the ground and the 納期限; the 返還額 is computed (docs/post-award.md). */
export class GrantRevocationDto {
  @ApiProperty({ example: '補助対象経費の虚偽の報告が判明したため', description: '取消しの理由（申請者への通知に記載）' })
  @IsString({ message: 'reason (取消しの理由) を入力してください' })
  @HasText('reason (取消しの理由) を入力してください')
  @MaxLength(2000, { message: 'reason (取消しの理由) は2000文字以内で入力してください' })
  reason!: string;

  @ApiPropertyOptional({
    enum: REVOCATION_GROUNDS,
    example: 'general',
    description: '取消しの根拠: general (一般), wageTargetMissed (ものづくり補助金 回復型賃上げ・雇用拡大枠の賃上げ等の目標未達: 全額返還)',
  })
  @IsOptional()
  @IsIn(REVOCATION_GROUNDS, { message: `ground (取消しの根拠) は ${REVOCATION_GROUNDS.join(', ')} のいずれかです` })
  ground?: RevocationGround;

  @ApiPropertyOptional({ example: '2027-01-15', description: '返還の納期限 (日本時間の日付 YYYY-MM-DD)。今日から14日以上先。返還額がある場合は必須' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'dueDate (納期限) は YYYY-MM-DD 形式の日付で指定してください' })
  dueDate?: string;
}

/**
 * 額の確定: nothing to type but, for a project whose 概算払 may have paid more than the 確定額, the 納期限 of that
 * excess's 返還 (docs/post-award.md "概算払"); unused when there is none.
 */
export class AmountFixingDto {
  @ApiPropertyOptional({
    example: '2027-01-15',
    description:
      '概算払の支払済額が確定額を超えたときの、超過額の返還の納期限 (日本時間の日付 YYYY-MM-DD)。今日から14日以上先。省略すると額の確定の日から30日後。超過がなければ使われない',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'repaymentDueDate (返還の納期限) は YYYY-MM-DD 形式の日付で指定してください' })
  repaymentDueDate?: string;
}

/** A repayment received towards the 返還額 (partial allowed, never above what is outstanding). */
export class RepaymentReceivedDto {
  @ApiProperty({ example: '2027-01-10', description: '入金日 (日本時間の日付 YYYY-MM-DD)。未来の日付は指定できません' })
  @IsString({ message: 'receivedOn (入金日) を YYYY-MM-DD 形式で指定してください' })
  @Matches(DATE, { message: 'receivedOn (入金日) は YYYY-MM-DD 形式の日付で指定してください' })
  receivedOn!: string;

  @ApiProperty({ example: 1_000_000, description: '入金額 (円, 1円以上, 未返還額以下)' })
  @IsInt({ message: 'amount (入金額) は1以上の整数 (円) で指定してください' })
  @Min(1, { message: 'amount (入金額) は1以上の整数 (円) で指定してください' })
  @Max(YEN_MAX, { message: 'amount (入金額) が大きすぎます' })
  amount!: number;

  @ApiPropertyOptional({ example: '指定口座への振込を確認', description: 'メモ（監査ログに残る）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note (メモ) は2000文字以内で入力してください' })
  note?: string;
}
