import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreatePaymentBatchDto {
  @ApiProperty({ description: '支払う申請の公募回' })
  @IsUUID('all', { message: 'roundId (公募回) を指定してください' })
  roundId!: string;

  @ApiProperty({ example: '2026-12-10', description: '振込指定日 (日本の日付 YYYY-MM-DD、明日から15営業日先までの銀行営業日)' })
  @IsString({ message: 'transferDate (振込指定日) を YYYY-MM-DD で指定してください' })
  @MaxLength(20, { message: 'transferDate (振込指定日) を YYYY-MM-DD で指定してください' })
  transferDate!: string;

  @ApiProperty({ required: false, type: [String], description: '支払う申請を選ぶとき、その申請ID (省略時は公募回の支払える申請すべて)' })
  @IsOptional()
  @IsArray({ message: 'applicationIds (申請ID) は配列で指定してください' })
  @ArrayMaxSize(10_000, { message: 'applicationIds (申請ID) は10,000件までです' })
  @IsUUID('all', { each: true, message: 'applicationIds (申請ID) の各要素は申請のIDです' })
  applicationIds?: string[];
}

export class ConfirmPaymentBatchDto {
  @ApiProperty({ example: '2026-12-10', description: '銀行が振り込んだ日 (振込日、日本の日付 YYYY-MM-DD)' })
  @IsString({ message: 'paidOn (振込日) を YYYY-MM-DD で指定してください' })
  @MaxLength(20, { message: 'paidOn (振込日) を YYYY-MM-DD で指定してください' })
  paidOn!: string;
}
