import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable, isLockTimeout, isPoolExhausted, isTransactionConflict } from '../database/connection-faults';
import { violatedUniqueConstraint } from '../database/unique-violation';

/** The one error body of the API: `{ statusCode, code, message, errors? }`, message in Japanese. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
  [extra: string]: unknown;
}

const DEFAULT_MESSAGES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '入力内容に誤りがあります。'],
  401: ['UNAUTHENTICATED', 'ログインが必要です。'],
  403: ['FORBIDDEN', 'この操作を行う権限がありません。'],
  404: ['NOT_FOUND', '指定されたデータが見つかりません。'],
  409: ['CONFLICT', '他の操作と競合しました。画面を更新してやり直してください。'],
  413: ['PAYLOAD_TOO_LARGE', '送信されたデータが大きすぎます。'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '送信されたデータの形式 (Content-Type・Content-Encoding) には対応していません。'],
  422: ['UNPROCESSABLE', '入力内容を処理できません。'],
  429: ['TOO_MANY_REQUESTS', 'リクエストが多すぎます。しばらく待ってから再度お試しください。'],
  503: ['SERVICE_UNAVAILABLE', 'サービスが一時的に利用できません。'],
};

const JSON_UNREADABLE = '送信されたデータの形式が正しくありません (JSON として読み取れません)。';
const BODY_NOT_INFLATABLE = '送信されたデータを展開できません (Content-Encoding の圧縮形式と本文が一致しません)。';

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception, req);
    if (body.code === 'LOCKED') {
      this.logger.warn({ err: exception, path: req.url }, 'lock wait timed out (another transaction holds the lock): answered 503');
    } else if (body.code === 'CONCURRENT_UPDATE') {
      this.logger.error({ err: exception, path: req.url }, 'transaction conflict (deadlock or serialization failure): answered 503');
    } else if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !(exception instanceof HttpException)) {
      this.logger.warn({ err: exception, path: req.url }, 'database unavailable: answered 503');
    } else if (body.code === 'ALREADY_EXISTS') {
      this.logger.warn({ err: exception, path: req.url }, 'unique violation (a concurrent duplicate): answered 409');
    } else if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, path: req.url }, 'unhandled error');
    }
    if (res.headersSent) return;
    // every 503 says when to come back, in the header and in the body
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      body.retryAfterSeconds = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : RETRY_AFTER_SECONDS;
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    // a 429 that knows when the client may come back says so in the header too (login throttling)
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && typeof body.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [defaultCode, defaultMessage] = DEFAULT_MESSAGES[status] ?? ['ERROR', 'エラーが発生しました。'];
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        // Nest's own exceptions carry English `message`/`error`; ours carry a `code`.
        const ours = typeof r.code === 'string';
        const { statusCode: _s, error: _e, ...rest } = r;
        return {
          ...(ours ? rest : {}),
          statusCode: status,
          code: ours ? (r.code as string) : defaultCode,
          message: ours && typeof r.message === 'string' ? r.message : this.nestMessage(status, r, defaultMessage),
        };
      }
      return { statusCode: status, code: defaultCode, message: defaultMessage };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      const [code, message] = DEFAULT_MESSAGES[status] ?? ['BAD_REQUEST', '送信されたデータを読み取れません。'];
      const inflate = typeof exception.code === 'string' && exception.code.startsWith('Z_');
      return { statusCode: status, code, message: inflate ? BODY_NOT_INFLATABLE : status === 400 ? JSON_UNREADABLE : message };
    }
    void req;
    if (isPoolExhausted(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'BUSY',
        message: '混雑のため処理できませんでした。しばらく待ってから同じ操作をやり直してください (Idempotency-Key を付けて送った場合は同じキーで)。',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
    }
    if (isLockTimeout(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'LOCKED',
        message:
          '同じデータを別の処理が更新中のため、何も保存せずに中止しました。しばらく待ってから同じ操作をやり直してください (Idempotency-Key を付けて送った場合は同じキーで)。',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message:
          'データベースとの接続が一時的に切れたため処理できませんでした。少し待ってから同じ操作をやり直してください (Idempotency-Key を付けて送った場合は同じキーで)。',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      };
    }
    if (isTransactionConflict(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'CONCURRENT_UPDATE',
        message:
          '同時に行われた別の処理と重なったため、何も保存せずに中止しました。少し待ってから同じ操作をやり直してください (Idempotency-Key を付けて送った場合は同じキーで)。',
        retryAfterSeconds: CONFLICT_RETRY_AFTER_SECONDS,
      };
    }
    if (violatedUniqueConstraint(exception) !== null) {
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'ALREADY_EXISTS',
        message: '同じ内容のデータが同時に登録されたため、保存しませんでした。画面を更新して、登録済みの内容を確認してください。',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'サーバー内部でエラーが発生しました。時間をおいて再度お試しください。' };
  }

  private nestMessage(status: number, r: Record<string, unknown>, fallback: string): string {
    if (status === 404 && typeof r.message === 'string' && r.message.startsWith('Cannot ')) return 'このURLのAPIはありません。';
    // body-parser's SyntaxError surfaces as a 400 whose message mentions JSON.
    if (status === 400 && typeof r.message === 'string' && /JSON/i.test(r.message)) return JSON_UNREADABLE;
    return fallback;
  }
}

const RETRY_AFTER_SECONDS = 5;
/** a lost connection is replaced at once: the retry can come soon */
const DATABASE_RETRY_AFTER_SECONDS = 2;
/** the other transaction has finished by the time the rollback is answered */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

/**
 * An error body-parser raised for the request (http-errors: a 4xx status, `expose`): its own kinds carry a `type`,
 * a body that does not inflate as its Content-Encoding says is zlib's error wrapped with status 400 and no type
 * (it was a 500).
 */
function isBodyParserError(e: unknown): e is { status: number; type?: string; code?: string } {
  if (typeof e !== 'object' || e === null) return false;
  const { status, type, expose } = e as { status?: unknown; type?: unknown; expose?: unknown };
  return typeof status === 'number' && (typeof type === 'string' || (expose === true && status >= 400 && status < 500));
}
