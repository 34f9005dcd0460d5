import { ApiProperty } from '@nestjs/swagger';

/** What revoking an application's status links answers (status-links.service.ts `revoke`); case-answers.e2e.ts checks it. */
export class RevokedStatusLinksDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: 'integer', description: '無効にしたリンクの数' }) revoked!: number;
}
