import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { requestMeta, type RequestMeta } from './request-meta';

const storage = new AsyncLocalStorage<Request>();

/**
 * Keeps the HTTP request for everything its handling runs, so that an audit record written without the request's
 * meta passed down (a user, a 公募回, a template saved) still names the request and the client's address (AuditService).
 * Installed first (configureApp); the request id is read when asked for, as pino-http sets it after this runs.
 */
export function keepRequestContext(req: Request, _res: Response, next: NextFunction): void {
  storage.run(req, next);
}

/** The meta of the HTTP request being handled, or an empty one outside a request (a job, the seed). */
export function currentRequestMeta(): RequestMeta {
  const req = storage.getStore();
  return req ? requestMeta(req) : {};
}
