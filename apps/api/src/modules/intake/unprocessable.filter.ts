import {
  applyDecorators,
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpStatus,
  Inject,
  PayloadTooLargeException,
  UseFilters,
} from '@nestjs/common';
import { ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { INTAKE_ERRORS } from './intake.errors';
import { AppConfig, APP_CONFIG } from '../../config';

/**
 * Intake answers every problem of a payload with 422 (the request was understood, its content is not
 * acceptable), including those the global validation pipe reports as 400 elsewhere; an attachment
 * over the size limit is a 413 that names the limit.
 */
@Catch(BadRequestException, PayloadTooLargeException)
export class UnprocessablePayloadFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: BadRequestException | PayloadTooLargeException, host: ArgumentsHost) {
    const body = exception.getResponse() as Record<string, unknown>;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof PayloadTooLargeException) {
      const mb = Math.max(1, Math.floor(this.config.attachmentMaxBytes / 1024 / 1024));
      res.status(HttpStatus.PAYLOAD_TOO_LARGE).json({
        statusCode: 413,
        code: 'ATTACHMENT_TOO_LARGE',
        message: `添付書類は ${mb}MB (${this.config.attachmentMaxBytes.toLocaleString('ja-JP')}バイト) までです。`,
        field: 'file',
      });
      return;
    }
    const ours = typeof body === 'object' && typeof body.code === 'string';
    // multer's refusals of the upload's parts ('Unexpected field': a second file, or one not under `file`) say nothing a
    // portal's developer can act on in Japanese
    if (!ours && host.switchToHttp().getRequest<Request>().path.endsWith('/intake/attachments')) {
      const message = INTAKE_ERRORS.INVALID_ATTACHMENT_UPLOAD[1];
      res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({ statusCode: 422, code: 'INVALID_ATTACHMENT_UPLOAD', message, errors: [{ field: 'file', message }] });
      return;
    }
    res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({
      ...(ours ? body : {}),
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      code: ours ? body.code : 'INVALID_APPLICATION',
      message: ours && typeof body.message === 'string' ? body.message : '送信された申請データの形式が正しくありません。',
    });
  }
}

/**
 * The filter on a controller, and the 422 it answers declared on each of its routes in OpenAPI (a GET's bad path
 * parameter included), so the document says what the route answers (openapi/error-responses.ts).
 */
export const UnprocessableInput = () =>
  applyDecorators(
    UseFilters(UnprocessablePayloadFilter),
    ApiUnprocessableEntityResponse({ description: '入力の誤り: intake は 400 でなく 422 で答える (errors が項目ごとに示す)' }),
  );
