import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../../common/is-instant.decorator';
import { INQUIRY_CHANNELS, INQUIRY_DIRECTIONS, type InquiryChannel, type InquiryDirection } from '../inquiry.entity';

export class CreateMemoDto {
  @ApiProperty() @IsUUID('4', { message: 'applicationId には申請のIDを指定してください' }) applicationId!: string;
  @ApiProperty({ example: '申請者に売上台帳の原本提示を依頼済み。', description: '職員だけが読むメモ (申請者には送られない)。4000文字まで' })
  @IsString({ message: 'body (メモの本文) を入力してください' })
  @MaxLength(4000, { message: 'メモは4000文字以内で入力してください' })
  body!: string;
}

export class CreateInquiryDto {
  @ApiProperty() @IsUUID('4', { message: 'applicationId には申請のIDを指定してください' }) applicationId!: string;
  @ApiProperty({
    example: '2026-12-01T10:30:00+09:00',
    description: '問い合わせの日時 (オフセット付き)。公募回の公募開始 (それより前に作成された申請は作成日時) から現在まで。範囲外は 400',
  })
  @IsInstant()
  occurredAt!: string;
  @ApiProperty({ enum: INQUIRY_CHANNELS, description: 'phone = 電話、email = メール、counter = 窓口' })
  @IsIn(INQUIRY_CHANNELS, { message: 'channel は phone (電話)、email (メール)、counter (窓口) のいずれかです' })
  channel!: InquiryChannel;
  @ApiProperty({ enum: INQUIRY_DIRECTIONS, description: 'inbound = 受信 (申請者から)、outbound = 発信 (事務局から)' })
  @IsIn(INQUIRY_DIRECTIONS, { message: 'direction は inbound (受信) か outbound (発信) です' })
  direction!: InquiryDirection;
  @ApiProperty({ example: '補正期限の確認。期限はメールの記載どおりと回答。', description: '要旨。4000文字まで' })
  @IsString({ message: 'summary (要旨) を入力してください' })
  @MaxLength(4000, { message: '要旨は4000文字以内で入力してください' })
  summary!: string;
}
