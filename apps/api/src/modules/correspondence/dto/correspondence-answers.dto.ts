import { ApiProperty } from '@nestjs/swagger';
import { INQUIRY_CHANNELS, INQUIRY_DIRECTIONS } from '../inquiry.entity';

/**
 * What the memo and inquiry routes answer on success (correspondence.repository.ts `MemoView`, `InquiryView`): each
 * with its author's name and the application's 受付番号 and 事業者名. case-answers.e2e.ts checks real answers.
 */
export class MemoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '受付番号' }) receiptNumber!: string | null;
  @ApiProperty({ description: '事業者名' }) applicantName!: string;
  @ApiProperty({ format: 'uuid', description: '書いた職員' }) authorId!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ description: '職員だけが読むメモ' }) body!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class InquiryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '受付番号' }) receiptNumber!: string | null;
  @ApiProperty({ description: '事業者名' }) applicantName!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '問い合わせの日時' }) occurredAt!: string;
  @ApiProperty({ enum: INQUIRY_CHANNELS, description: 'phone = 電話、email = メール、counter = 窓口' }) channel!: string;
  @ApiProperty({ enum: INQUIRY_DIRECTIONS, description: 'inbound = 受信、outbound = 発信' }) direction!: string;
  @ApiProperty({ description: '要旨' }) summary!: string;
  @ApiProperty({ format: 'uuid', description: '対応した職員' }) staffId!: string;
  @ApiProperty({ type: String, nullable: true }) staffName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}
