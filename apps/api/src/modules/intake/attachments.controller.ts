import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { contentDisposition } from '../../common/content-disposition';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { ATTACHMENT_LIST, type AttachmentFilter } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { AttachmentViewDto } from './dto/attachment-answers.dto';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;

/**
 * What a browser may do with an attachment it is sent: nothing but show it. Uploaded files are the
 * applicant's, not ours, so the answer runs no script, loads nothing, and is sandboxed.
 */
const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";

/** The documents an application was submitted with, for staff (intake stores them). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('applications/:id/attachments')
  @Policy('attachments.read')
  @ApiOperation({
    summary: '申請の添付書類の一覧 (種類・ファイル名・サイズ・SHA-256・登録日時・形式)。審査員は割り当てられた申請のみ、ほかは 404',
  })
  @ApiListQuery(ATTACHMENT_LIST)
  @ApiOkResponse({ type: [AttachmentViewDto] })
  list(@Param('id') id: string, @Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<AttachmentFilter, unknown>(res, 'attachments', params, ATTACHMENT_LIST, (q) => this.attachments.list(id, q, user));
  }

  @Get('attachments/:id/content')
  @Policy('attachments.read')
  @ApiOkResponse({
    description: '添付書類のファイル (登録のとき内容から判定した形式)',
    content: { 'application/pdf': FILE, 'image/jpeg': FILE, 'image/png': FILE },
  })
  @ApiOperation({
    summary: '添付書類の内容 (inline で表示用)。申請と同じ範囲の職員だけが取得でき、取得のたびに監査ログ (attachment.downloaded) を記録する',
  })
  async content(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res() res: Response) {
    const { attachment, content } = await this.attachments.download(id, user, requestMeta(req));
    res.status(200);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.sizeBytes));
    res.setHeader('Content-Disposition', contentDisposition('inline', attachment.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', ATTACHMENT_CSP);
    res.setHeader('Cache-Control', 'private, no-store');
    // the checksum recorded at upload (RFC 9530), so a client can check what it received
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`);
    try {
      await pipeline(content, res);
    } catch {
      // the client went away or the file could not be read to the end: the response is already cut short
      res.destroy();
    }
  }
}
