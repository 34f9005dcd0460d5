import { ApiProperty } from '@nestjs/swagger';

/**
 * A payee's account as the bank-account routes answer it (bank-accounts.repository.ts `BankAccountView`): with the
 * application's 受付番号 and 事業者名, and who entered and last changed it. award-answers.e2e.ts checks real answers.
 */
export class BankAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '受付番号' }) receiptNumber!: string | null;
  @ApiProperty({ description: '事業者名 (受取人)' }) applicantName!: string;
  @ApiProperty({ example: '0001', description: '金融機関コード' }) bankCode!: string;
  @ApiProperty({ example: '001', description: '支店コード' }) branchCode!: string;
  @ApiProperty({ enum: ['1', '2', '4'], description: '預金種目: 1 = 普通、2 = 当座、4 = 貯蓄' }) depositType!: string;
  @ApiProperty({ example: '0012345', description: '口座番号 (7桁)' }) accountNumber!: string;
  @ApiProperty({ example: 'ｶ)ｻｸﾗｾｲｷ', description: '口座名義 (半角カナ)' }) accountHolderKana!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'uuid' }) updatedBy!: string;
  @ApiProperty({ type: String, nullable: true }) updatedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}
