import { ApiProperty } from '@nestjs/swagger';

/**
 * What the payment-batch routes answer on success (payment-batches.repository.ts `PaymentBatchView`, with its lines
 * `BatchLineView` for one batch). award-answers.e2e.ts checks real answers against them.
 */
export class PaymentRequesterDto {
  @ApiProperty({ description: '振込依頼人コード' }) code!: string;
  @ApiProperty({ description: '振込依頼人名 (半角カナ)' }) name!: string;
  @ApiProperty() bankCode!: string;
  @ApiProperty() branchCode!: string;
  @ApiProperty({ enum: ['1', '2', '9'] }) depositType!: string;
  @ApiProperty() accountNumber!: string;
}

/** An application of the round left out of the batch, and why (no account, nothing to pay …). */
export class ExcludedApplicationDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ description: '対象外の理由' }) reason!: string;
}

export class PaymentBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ description: '事業名と公募回 (例 事業再構築補助金 第12回公募)' }) roundName!: string;
  @ApiProperty({ enum: ['open', 'paid', 'cancelled'], description: 'open 未確定 / paid 支払済 / cancelled 取消' }) status!: string;
  @ApiProperty({ format: 'date', description: '振込指定日' }) transferDate!: string;
  @ApiProperty({ type: PaymentRequesterDto, description: '振込依頼人 (事務局の口座)' }) requester!: PaymentRequesterDto;
  @ApiProperty({ type: 'integer' }) totalCount!: number;
  @ApiProperty({ type: 'integer', description: '合計金額 (円)' }) totalAmount!: number;
  @ApiProperty({ type: [ExcludedApplicationDto] }) excluded!: ExcludedApplicationDto[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '振込日 (確定したとき)' }) paidOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) confirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cancelledBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
}

/** One application's transfer: its 支払額 and the payee's account as it went into the file. */
export class PaymentBatchLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'ファイルの中の順番 (1から)' }) position!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) status!: string;
  @ApiProperty({ enum: ['advance', 'final'], description: 'advance 概算払 / final 確定額 (概算払を除く) または給付額' }) kind!: string;
  @ApiProperty({ type: 'integer', description: '支払額 (円)' }) amount!: number;
  @ApiProperty() bankCode!: string;
  @ApiProperty() branchCode!: string;
  @ApiProperty() depositType!: string;
  @ApiProperty() accountNumber!: string;
  @ApiProperty() accountHolderKana!: string;
}

export class PaymentBatchWithLinesDto extends PaymentBatchDto {
  @ApiProperty({ type: [PaymentBatchLineDto] }) lines!: PaymentBatchLineDto[];
}
