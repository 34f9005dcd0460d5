import { ApiProperty } from '@nestjs/swagger';

/**
 * An export of the 申請 list as the export routes answer it (application-export.entity.ts, never its storage key).
 * case-answers.e2e.ts checks real answers against it.
 */
export class ApplicationExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: '依頼した職員' }) requestedBy!: string;
  @ApiProperty({ description: '依頼した職員の役割 (その範囲の申請を出力する)' }) requesterRole!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '申請一覧の filter' }) filter!: Record<string, unknown>;
  @ApiProperty({ enum: ['direct', 'job'], description: 'direct = その場でファイル、job = ワーカーで作成' }) delivery!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'expired'] }) status!: string;
  @ApiProperty({ type: 'integer' }) totalRows!: number;
  @ApiProperty({ type: 'integer' }) processedRows!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({ type: 'integer', nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '失敗の理由' }) message!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}
