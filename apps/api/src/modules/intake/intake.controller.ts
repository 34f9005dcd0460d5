import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { IntakeThrottlerGuard } from './intake-throttler.guard';
import { UnprocessableInput } from './unprocessable.filter';

import { ApiKeyAuth, ChannelRequest } from './api-key.guard';
import type { UploadedAttachment } from './attachment-upload';
import { IntakeAttachmentDto, IntakeReceiptDto } from './dto/intake-answers.dto';
import { IntakeApplicationDto } from './dto/intake-application.dto';
import { ATTACHMENT_KINDS, isAttachmentKind } from '@jimukyoku/domain';
import { IntakeError } from './intake.errors';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';
import type { StoredResponse } from './idempotency';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import { uploadFileName } from '../../common/upload-file-name';
import { INVALID_IDEMPOTENCY_KEY, isIdempotencyKey } from '../../common/idempotency-key';

/** set from config at module init (INTAKE_RATE_LIMIT): submissions per channel per minute */
export const INTAKE_RATE_LIMIT = { perMinute: 6000 };

export const idempotencyKey = (raw: string | undefined) => {
  if (raw === undefined) return undefined;
  if (!isIdempotencyKey(raw)) throw new IntakeError('INVALID_IDEMPOTENCY_KEY', { errors: [INVALID_IDEMPOTENCY_KEY] });
  return raw;
};

/**
 * A new application's key, which it must have: without one, a portal's resend of a submission whose answer was lost
 * would be a second application (a 法人's is refused as a duplicate, a 個人事業者's is not). A resubmission or a
 * post-award filing moves an application on, so its resend is refused by the workflow; their key stays optional.
 */
const requiredIdempotencyKey = (raw: string | undefined): string => {
  if (raw === undefined)
    throw new IntakeError('IDEMPOTENCY_KEY_REQUIRED', { errors: [{ field: 'Idempotency-Key', message: 'Idempotency-Key ヘッダーが必要です' }] });
  return idempotencyKey(raw)!;
};

export function answer(res: Response, result: StoredResponse) {
  res.status(result.status);
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}

/** The submission channel's API (the e-application portal hands applications over here). */
@ApiTags('intake')
@Controller('intake')
@ApiKeyAuth()
@UnprocessableInput()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly repo: IntakeRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  @Post('applications')
  @UseGuards(IntakeThrottlerGuard)
  @Throttle({ default: { limit: () => INTAKE_RATE_LIMIT.perMinute, ttl: 60_000 } })
  @ApiResponse({ status: 429, description: 'このチャネルの送信が多すぎる (TOO_MANY_SUBMISSIONS: retryAfterSeconds, Retry-After): 同じ Idempotency-Key で再送' })
  @ApiOperation({
    summary:
      '申請の受付: 締切はデータベースの時刻で判定し、受付番号を返す。同じ Idempotency-Key の再送には最初の応答を返す。事業復活支援金は benefit (売上高) と、preCheck (事前確認) か previousRecipient: true のどちらか一方が必須',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '申請1件ごとのキー (UUID など): 再送しても1件だけ受け付ける (同じキー・同じ内容 → 最初の応答)。ないときは 400 IDEMPOTENCY_KEY_REQUIRED',
  })
  @ApiCreatedResponse({ type: IntakeReceiptDto, description: '受け付けた (再送には最初の応答を Idempotent-Replayed: true で返す)' })
  async submit(
    @Req() req: ChannelRequest,
    @Body() dto: IntakeApplicationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.intake.submit(req.channel, dto, requiredIdempotencyKey(key)));
  }

  @Post('applications/:id/resubmission')
  @HttpCode(200)
  @ApiOperation({ summary: '差戻し (事業復活支援金は不備) 後の再提出: 修正後の申請内容全体を送る。受付番号と履歴、受付時の事前確認はそのまま' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: IntakeReceiptDto })
  async resubmit(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: IntakeApplicationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.intake.resubmit(req.channel, id, dto, idempotencyKey(key)));
  }

  @Get('applications/:id')
  @ApiOperation({ summary: 'この窓口から受け付けた申請の受付番号と状態' })
  @ApiOkResponse({ type: IntakeReceiptDto })
  status(@Req() req: ChannelRequest, @Param('id') id: string) {
    return this.intake.status(req.channel, id);
  }

  @Post('attachments')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string', example: 'businessPlan' } },
    },
  })
  @ApiOperation({ summary: '添付書類の登録 (PDF・JPEG・PNG、上限あり)。SHA-256 を記録し、ID を申請の attachmentIds に指定する' })
  @ApiCreatedResponse({ type: IntakeAttachmentDto })
  async upload(
    @Req() req: ChannelRequest,
    @UploadedFile() file: UploadedAttachment | undefined,
    @Body('kind') kind: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!file) throw new IntakeError('ATTACHMENT_MISSING', { field: 'file' });
    try {
      // checked here, not by a pipe: a refused upload must not leave its file behind
      if (!isAttachmentKind(kind)) {
        const message = `kind (書類の種類) は ${Object.keys(ATTACHMENT_KINDS).join(', ')} のいずれかです`;
        throw new IntakeError('INVALID_ATTACHMENT_UPLOAD', { errors: [{ field: 'kind', message }] }, message);
      }
      const row = await this.repo.insertAttachment({
        channelId: req.channel.id,
        kind,
        fileName: uploadFileName(file.originalname),
        contentType: file.detectedType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        storageKey: file.key,
      });
      res.status(201);
      return { id: row.id, kind: row.kind, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256 };
    } catch (e) {
      await this.storage.remove(file.key);
      throw e;
    }
  }
}
