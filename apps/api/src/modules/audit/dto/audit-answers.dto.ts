import { ApiProperty } from '@nestjs/swagger';

/**
 * One record of the audit log as GET /api/audit-logs answers it (audit.repository.ts `describe`: the row with its
 * actor's name and its entity's label). administration-answers.e2e.ts checks real answers against it.
 */
export class AuditLogEntryDto {
  @ApiProperty({ description: '連番 (bigint を10進の文字列で)', example: '1024' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '操作した職員 (システムの操作は null)' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '操作した役割 (admin, manager, reviewer, system, intake など)' }) actorRole!: string | null;
  @ApiProperty({ description: '操作 (例 application.transitioned)' }) action!: string;
  @ApiProperty({ type: String, nullable: true, description: '対象の種類 (例 application)' }) entityType!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '対象のID' }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '変更前の状態' }) fromStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '変更後の状態' }) toStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '理由' }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '変更の内容 (操作ごとに異なる)' }) changes!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '操作した職員の名前' }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '対象の表示名 (受付番号と事業者名など)' }) entityLabel!: string | null;
}
