import { ApiProperty } from '@nestjs/swagger';

/**
 * An intake channel as the staff routes answer it (the row without its key's hash; the key itself only on creation).
 * administration-answers.e2e.ts checks real answers against these schemas.
 */
export class IntakeChannelDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '電子申請システム (jGrants)' }) name!: string;
  @ApiProperty({ description: 'APIキーの先頭 (一覧で見分けるため)', example: 'jmk_AbC12x' }) keyPrefix!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'APIキーを失効させた日時' }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '最後に使われた日時' }) lastUsedAt!: string | null;
}

export class CreatedIntakeChannelDto extends IntakeChannelDto {
  @ApiProperty({ description: 'APIキー (この応答でのみ表示。保存されるのはハッシュだけ)' }) apiKey!: string;
}
