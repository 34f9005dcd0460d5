import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES } from '../../../auth/roles';

/**
 * A staff account as the users routes answer it (users.service.ts `view`: the account without its password hash).
 * administration-answers.e2e.ts checks real answers against it.
 */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'メールアドレス (小文字で保存)' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES, description: '役割' }) role!: string;
  @ApiProperty({ type: String, nullable: true, description: '所属 (審査員の利害関係の確認に使う)' }) organisation!: string | null;
  @ApiProperty({ type: 'integer', description: '審査員ごとの上限件数 (未完了の割当)' }) reviewCapacity!: number;
  @ApiProperty({ description: 'false: 無効化済み (ログインできない)' }) active!: boolean;
  @ApiProperty({ description: '次のログインでパスワードの変更が必要' }) mustChangePassword!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', description: '更新の版 (楽観的ロック)' }) version!: number;
}

/** The account with the temporary password issued when none was given (answered this once). */
export class UserWithPasswordDto extends UserDto {
  @ApiPropertyOptional({ description: '仮パスワード (password を省略したときだけ、この応答でのみ返す)' }) temporaryPassword?: string;
}
