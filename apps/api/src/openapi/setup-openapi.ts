import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { REFRESH_COOKIE } from '../auth/auth.controller';
import { AuthError } from '../auth/auth.errors';
import type { AuthenticatedUser } from '../auth/roles';
import type { AppConfig } from '../config';
import { describeErrorResponses } from './error-responses';

export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs-json';

/** The OpenAPI document of every route the app serves, generated from the controllers, with the errors each may answer. */
export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jimukyoku API')
      .setDescription('補助金事務局のバックオフィス API。一覧は react-admin (ra-data-simple-rest) の規約に従います。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'intake-key')
      // the refresh token's cookie, which POST /api/auth/refresh names (@ApiCookieAuth(REFRESH_COOKIE))
      .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE }, REFRESH_COOKIE)
      .build(),
  );
  return describeErrorResponses(document);
}

/**
 * `/api/docs` (Swagger UI) and `/api/docs-json` for anyone when `config.apiDocs` (development, test,
 * production with API_DOCS=true). Otherwise (production by default) the map of every route is no gift to
 * an attacker: the UI is not served, and the JSON only to a signed-in staff member (a bearer access token
 * of a live session, password already changed); anyone else gets the same 404 as an unknown path.
 */
export function setupOpenApi(app: NestExpressApplication, config: Pick<AppConfig, 'apiDocs'>, prefix: string) {
  if (config.apiDocs) {
    SwaggerModule.setup(`${prefix}/${OPENAPI_UI_PATH}`, app, buildOpenApiDocument(app), { jsonDocumentUrl: `${prefix}/${OPENAPI_JSON_PATH}` });
    return;
  }
  let document: OpenAPIObject | undefined;
  app.use(`/${prefix}/${OPENAPI_JSON_PATH}`, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || !req.headers.authorization) return next();
    // the JwtStrategy (signature, expiry, live session) that guards every staff route
    passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthenticatedUser | false) => {
      if (err && !(err instanceof AuthError)) return unavailable(res);
      if (err || !user || user.mustChangePassword) return next(); // → the app's 404
      document ??= buildOpenApiDocument(app);
      res.setHeader('Cache-Control', 'no-store');
      res.json(document);
    })(req, res, next);
  });
}

function unavailable(res: Response) {
  res.status(503).setHeader('Retry-After', '5');
  res.json({
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: 'サービスが一時的に利用できません。しばらく待ってから再度お試しください。',
    retryAfterSeconds: 5,
  });
}
