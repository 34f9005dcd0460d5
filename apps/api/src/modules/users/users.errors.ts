import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const USER_ERRORS = {
  USER_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された職員アカウントはありません。'],
  EMAIL_TAKEN: [HttpStatus.CONFLICT, 'このメールアドレスは既に登録されています。'],
  CANNOT_DEACTIVATE_SELF: [HttpStatus.BAD_REQUEST, '自分自身のアカウントは無効化できません。'],
  CANNOT_DEMOTE_SELF: [HttpStatus.BAD_REQUEST, '自分自身の管理者権限は外せません。'],
  LAST_ACTIVE_ADMIN: [
    HttpStatus.CONFLICT,
    'この変更を行うと有効な管理者が一人もいなくなるため、実行できません。先に別のアカウントを管理者にしてから、もう一度お試しください。',
  ],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class UserError extends errorFamily(USER_ERRORS) {}
