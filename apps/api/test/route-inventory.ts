import type { NestExpressApplication } from '@nestjs/platform-express';

export interface RouteKey {
  method: string;
  path: string;
}

/**
 * Every route the running Express app actually serves under /api (not what the docs claim), less
 * the OpenAPI document and UI (static, public by design) and Nest's not-found catch-all.
 */
export function apiRoutes(app: NestExpressApplication): RouteKey[] {
  const express = app.getHttpAdapter().getInstance();
  const stack: any[] = express.router?.stack ?? express._router?.stack ?? [];
  const routes: RouteKey[] = [];
  for (const layer of stack) {
    const route = layer.route;
    if (!route || typeof route.path !== 'string' || !route.path.startsWith('/api/')) continue;
    if (route.path.startsWith('/api/docs') || route.path.includes('{*')) continue;
    for (const method of Object.keys(route.methods)) if (method !== '_all') routes.push({ method: method.toUpperCase(), path: route.path });
  }
  return routes;
}
