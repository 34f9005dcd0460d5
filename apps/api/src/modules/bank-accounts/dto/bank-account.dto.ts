import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { ReadOnlyRecordFields } from '../../../common/record-echo';

/**
 * The fields as typed. Only their type and size are checked here (400); the rules of each field (digits,
 * 預金種目, the 全銀 characters of the 口座名義) are libs/domain's parseBankAccount, answered as 422
 * INVALID_BANK_ACCOUNT with a Japanese message per field (docs/payments.md).
 */
export class BankAccountFieldsDto {
  @ApiProperty({ example: '0001', description: '金融機関コード (4桁の数字)' })
  @IsString({ message: 'bankCode (金融機関コード) を4桁の数字で入力してください' })
  @MaxLength(20, { message: '金融機関コードは4桁の数字で入力してください' })
  bankCode!: string;

  @ApiProperty({ example: '001', description: '支店コード (3桁の数字)' })
  @IsString({ message: 'branchCode (支店コード) を3桁の数字で入力してください' })
  @MaxLength(20, { message: '支店コードは3桁の数字で入力してください' })
  branchCode!: string;

  @ApiProperty({ example: '1', description: '預金種目: 1 = 普通、2 = 当座、4 = 貯蓄 (「普通」などの名前でも可)' })
  @IsString({ message: 'depositType (預金種目) は 1 (普通)、2 (当座)、4 (貯蓄) のいずれかです' })
  @MaxLength(20, { message: '預金種目は 1 (普通)、2 (当座)、4 (貯蓄) のいずれかです' })
  depositType!: string;

  @ApiProperty({ example: '1234567', description: '口座番号 (7桁まで。7桁に満たない番号は先頭を0で埋めて保存)' })
  @IsString({ message: 'accountNumber (口座番号) を数字で入力してください' })
  @MaxLength(40, { message: '口座番号は7桁までの数字で入力してください' })
  accountNumber!: string;

  @ApiProperty({
    example: 'ｶ)ｼﾞﾑｷﾖｸ',
    description: '口座名義 (カナ)。全角カナ・ひらがなは半角カナに変換して保存。半角30文字まで (濁点・半濁点も1文字)。使える記号は ( ) , . - / ｢ ｣ とスペース',
  })
  @IsString({ message: 'accountHolderKana (口座名義) をカナで入力してください' })
  @MaxLength(200, { message: '口座名義は半角30文字以内で入力してください' })
  accountHolderKana!: string;
}

export class CreateBankAccountDto extends BankAccountFieldsDto {
  @ApiProperty({ description: '口座を登録する申請のID (受取人はその申請者。1申請に1口座)' })
  @IsUUID('4', { message: 'applicationId には申請のIDを指定してください' })
  applicationId!: string;
}

/** An account's fields anew; the application it belongs to does not change. */
@ReadOnlyRecordFields(
  'id',
  'applicationId',
  'receiptNumber',
  'applicantName',
  'createdBy',
  'createdByName',
  'updatedBy',
  'updatedByName',
  'createdAt',
  'updatedAt',
)
export class UpdateBankAccountDto extends BankAccountFieldsDto {}
