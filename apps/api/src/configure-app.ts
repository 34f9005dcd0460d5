import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { refuseUnreadBody } from './common/body-media-type';
import { keepRequestContext } from './common/request-context';
import { HttpErrorFilter } from './common/http-error.filter';
import { answerClientErrorsAsJson, refuseDeepJson } from './common/http-limits';
import { appValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config';
import { setupOpenApi } from './openapi/setup-openapi';

export const API_PREFIX = 'api';
export const JSON_BODY_LIMIT = '1mb';

/** Everything main.ts and the e2e harness both need, so tests run the app exactly as it ships. */
export function configureApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // the applicant's status page is a page, not API: /status/:token (modules/status-links, README "Status page")
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'status/:token', method: RequestMethod.GET },
      { path: 'status', method: RequestMethod.GET },
    ],
  });
  // the client's address (login throttling counts per client) from the proxies TRUST_PROXY names
  app.set('trust proxy', config.trustProxy);
  // the request, for audit records written without its meta passed down (common/request-context.ts)
  app.use(keepRequestContext);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        // Swagger UI and the admin inline a few styles. The admin shows attachments it fetched with the
        // bearer token from blob: URLs (a PDF in an iframe, an image as <img>).
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'], 'frame-src': ["'self'", 'blob:'] },
      },
    }),
  );
  app.use(cookieParser());
  // verify runs on the raw bytes before JSON.parse: a body nested too deep is a 400, not a stack overflow.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: refuseDeepJson } as Record<string, unknown>);
  answerClientErrorsAsJson(app.getHttpServer());
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  app.use(refuseUnreadBody);
  app.enableCors({
    // Reflect only ADMIN_ORIGIN; any other origin gets no CORS headers at all, and every origin when it is unset
    // in production (the admin is served same-origin there: README "Configuration").
    origin: (origin: string | undefined, callback: (err: Error | null, allow?: boolean) => void) =>
      callback(null, config.adminOrigin !== null && origin === config.adminOrigin),
    credentials: true,
    // every response header the admin reads: a list's total, a download's file name and its export's id
    exposedHeaders: ['Content-Range', 'X-Total-Count', 'X-Total-Count-Estimated', 'X-Request-Id', 'Content-Disposition', 'X-Export-Id'],
  });
  app.useGlobalPipes(appValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  setupOpenApi(app, config, API_PREFIX);
  serveAdmin(app, config.adminDist);
  app.enableShutdownHooks();
  return app;
}

/** Serves the built react-admin app at /admin (one port for API and UI), with SPA fallback. */
function serveAdmin(app: NestExpressApplication, adminDist: string) {
  const index = join(adminDist, 'index.html');
  if (!existsSync(index)) {
    app.use('/admin', (_req: Request, res: Response) => {
      res.status(503).type('text/plain; charset=utf-8').send('管理画面がビルドされていません。`npm run build` を実行してください。');
    });
    return;
  }
  app.useStaticAssets(adminDist, { prefix: '/admin/', index: false, maxAge: '1h' });
  app.use('/admin', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'GET' && req.path === '/' ? res.redirect('/admin/') : next()));
}
