import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_PURPOSE } from '../application-assignment.entity';

const PURPOSES = Object.values(ASSIGNMENT_PURPOSE);

/**
 * What the assignment routes answer on success, as OpenAPI describes it: a row of the assignment board
 * (assignments.repository.ts `list`, also the score sheets' list), a manual assignment as inserted, and the
 * automatic assignment's report (assignments.service.ts `autoAssign`).
 */
export class AssignmentRowDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ description: '審査員の氏名' }) reviewerName!: string;
  @ApiProperty({ enum: PURPOSES, description: 'formalCheck = 要件確認、review = 書面審査' }) purpose!: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '割り当てた職員 (システムの割当は null)' }) assignedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '審査期限 (UTC)' }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '受付番号' }) receiptNumber!: string | null;
  @ApiProperty({ description: '事業者名' }) applicantName!: string;
  @ApiProperty({ description: '申請の状態 (コード)' }) applicationStatus!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({
    enum: ['open', 'submitted', 'revoked', 'overdue', 'waiting'],
    description: 'waiting = 申請者対応待ち・終了した申請の未提出分',
  })
  state!: string;
  @ApiProperty({
    type: String,
    enum: ['notStarted', 'draft', 'submitted', null],
    nullable: true,
    description: '採点票の状態 (書面審査の割当のみ。要件確認は null)',
  })
  scoreStatus!: string | null;
}

/** A manual assignment as inserted (POST /api/review-assignments). */
export class CreatedAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ enum: PURPOSES }) purpose!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '審査期限 (UTC)' }) dueAt!: string | null;
}

export class UnfilledApplicationDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ type: 'integer', description: '足りない審査員の人数' }) missing!: number;
  @ApiProperty({ description: '割り当てられなかった理由' }) reason!: string;
  @ApiPropertyOptional({ enum: ['conflicts', 'capacity'], description: 'conflicts = 利益相反のない審査員が不足、capacity = 上限件数に空きがない' })
  cause?: string;
}

export class ReviewerLoadAfterDto {
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ type: 'integer', description: '割当後の未提出の件数' }) load!: number;
}

export class AutoAssignResultDto {
  @ApiProperty({ enum: PURPOSES }) purpose!: string;
  @ApiProperty({ type: 'integer', description: '審査員が必要だった申請の件数' }) applications!: number;
  @ApiProperty({ type: 'integer', description: '作成した割当の件数' }) assigned!: number;
  @ApiProperty({ type: [UnfilledApplicationDto] }) unfilled!: UnfilledApplicationDto[];
  @ApiProperty({ type: [ReviewerLoadAfterDto] }) loads!: ReviewerLoadAfterDto[];
}
