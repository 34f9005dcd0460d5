import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../common/error-family';

/** Every refusal of the auth module, with the message shown to the person. */
export const AUTH_ERRORS = {
  INVALID_CREDENTIALS: [HttpStatus.UNAUTHORIZED, 'メールアドレスまたはパスワードが正しくありません。'],
  TOO_MANY_LOGIN_ATTEMPTS: [
    HttpStatus.TOO_MANY_REQUESTS,
    'ログインに続けて失敗したため、この端末からのログインを一時的に止めています。しばらく待ってから再度お試しください。',
  ],
  PUBLISHED_PASSWORD: [
    HttpStatus.UNAUTHORIZED,
    'このパスワードはデモ用として公開されているため、本番環境ではログインに使えません。管理者にパスワードの再設定を依頼してください。',
  ],
  ACCOUNT_INACTIVE: [HttpStatus.UNAUTHORIZED, 'このアカウントは無効化されています。管理者に連絡してください。'],
  TOKEN_EXPIRED: [HttpStatus.UNAUTHORIZED, 'ログインの有効期限が切れました。再度ログインしてください。'],
  TOKEN_INVALID: [HttpStatus.UNAUTHORIZED, 'ログインが必要です。'],
  SESSION_ENDED: [HttpStatus.UNAUTHORIZED, 'このログインは終了しています。再度ログインしてください。'],
  REFRESH_MISSING: [HttpStatus.UNAUTHORIZED, 'ログインが必要です。'],
  REFRESH_REUSED: [HttpStatus.UNAUTHORIZED, '安全のためログインを終了しました (更新トークンが再利用されました)。再度ログインしてください。'],
  PASSWORD_CHANGE_REQUIRED: [
    HttpStatus.FORBIDDEN,
    'パスワードの変更が必要です（初回ログイン時、または管理者による再設定の後）。新しいパスワードに変更してから操作してください。',
  ],
  WRONG_CURRENT_PASSWORD: [HttpStatus.BAD_REQUEST, '現在のパスワードが正しくありません。'],
  WEAK_PASSWORD: [HttpStatus.BAD_REQUEST, 'パスワードが条件を満たしていません。'],
  FORBIDDEN: [HttpStatus.FORBIDDEN, 'この操作を行う権限がありません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

export class AuthError extends errorFamily(AUTH_ERRORS) {}

/** The password policy's refusal: the problems in the message, and each under the field holding the password. */
export function weakPasswordError(field: string, problems: string[]): AuthError {
  return new AuthError('WEAK_PASSWORD', { errors: problems.map((message) => ({ field, message })) }, `${AUTH_ERRORS.WEAK_PASSWORD[1]}${problems.join('')}`);
}
