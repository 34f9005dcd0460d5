import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/public.decorator';
import { StatusLinksService } from './status-links.service';
import { renderNotFoundPage, renderStatusPage, renderTooManyRequestsPage } from './status-page.html';

/** The page's own policy: nothing but its inline style; no script, image, frame, form or external asset. */
export const STATUS_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * GET /status/:token, outside /api (configure-app.ts excludes it from the prefix): the applicant's read-only
 * status page, server-rendered HTML in Japanese, opened from the link in their mails without a login
 * (README "Status page"). Not part of the API, so not in its OpenAPI document.
 */
@ApiExcludeController()
@Controller('status')
export class StatusPageController {
  constructor(private readonly links: StatusLinksService) {}

  @Get(':token')
  @Public()
  async show(@Req() req: Request, @Res() res: Response) {
    // the token as the router decoded it, not through the API's validation pipe: a mangled link (a NUL in it) is an
    // applicant's 404 page like any other link that does not open, not the API's JSON 400
    const token = String(req.params.token ?? '');
    const result = await this.links.open(token, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
    pageHeaders(res);
    if (result.kind === 'page') return res.status(200).send(renderStatusPage(result.view));
    if (result.kind === 'rateLimited') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      return res.status(429).send(renderTooManyRequestsPage(result.retryAfterSeconds));
    }
    return res.status(404).send(renderNotFoundPage());
  }

  /** /status/ with its token cut off (a link broken across lines in a mail): the applicant's 404 page, not the API's JSON. */
  @Get()
  @Public()
  missing(@Res() res: Response) {
    pageHeaders(res);
    return res.status(404).send(renderNotFoundPage());
  }
}

function pageHeaders(res: Response) {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', STATUS_PAGE_CSP);
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
}
