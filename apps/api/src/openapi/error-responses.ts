import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The one error body (common/http-error.filter.ts `ErrorBody`), as a component every error response names. */
const API_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', description: '機械が読むための理由 (VALIDATION_FAILED, ROUND_NOT_FOUND …)', example: 'VALIDATION_FAILED' },
    message: { type: 'string', description: '人が読むための説明 (日本語)' },
    errors: {
      type: 'array',
      description: '項目ごとの誤り (入力の誤りのとき)',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    retryAfterSeconds: { type: 'integer', description: '503 (と一部の 429): 再試行までの秒数 (Retry-After と同じ)' },
  },
  additionalProperties: true,
};

const errorResponse = (description: string, headers?: ResponseObject['headers']): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

const RETRY_AFTER = { 'Retry-After': { description: '再試行までの秒数', schema: { type: 'integer' } } };

/** A list route (ra-data-simple-rest's getList): it reads `range` and answers the total in Content-Range. */
const CONTENT_RANGE = {
  'Content-Range': { description: '`<resource> <first>-<last>/<total>` (行がないページは `<resource> */<total>`)', schema: { type: 'string' } },
};

/**
 * Writes into `document` the answers every route may give besides its success, which the controllers do not declare
 * one by one: the error body's schema (`ApiError`) and, per operation, the statuses its shape makes possible
 * (README "API conventions"): 400 for a request with parameters or a body, 401 and 403 behind a credential, 404 for
 * a path naming a record, 409 and 422 for a change (a conflict, a business rule), 413 and 415 for a body, 503 for
 * every route (the database or Redis unavailable, with Retry-After), 431 for a query (Node's own limit). A status an
 * operation declares itself (@ApiResponse) is kept, with the error body.
 * The list routes' 200 names its Content-Range header. `fuzz-openapi.e2e.ts` checks that every answer is declared.
 */
export function describeErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ApiError: API_ERROR_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      const params = op.parameters ?? [];
      const hasBody = op.requestBody !== undefined;
      const secured = (op.security ?? []).length > 0;
      const changes = method !== 'get' && method !== 'head';
      const answers = (status: string, when: boolean, description: string, headers?: ResponseObject['headers']) => {
        if (when) op.responses[status] ??= errorResponse(description, headers);
      };
      answers('400', params.length > 0 || hasBody, '入力の誤り (VALIDATION_FAILED, INVALID_LIST_QUERY …): errors が項目ごとに示す');
      answers('401', secured, '認証が必要 (トークン・APIキーがない、期限切れ、無効)');
      answers('403', secured, 'この操作の権限がない (FORBIDDEN)');
      answers('404', path.includes('{'), '指定されたデータがない (…_NOT_FOUND)');
      answers('409', changes, '他の操作・データとの競合 (重複、処理中の支払バッチ …)');
      answers('422', changes, '業務ルールにより処理できない (状態・期限・金額 …)');
      answers('413', hasBody, '本文が大きすぎる (PAYLOAD_TOO_LARGE)');
      answers('415', hasBody, '本文の形式に対応していない (UNSUPPORTED_MEDIA_TYPE)');
      // Node's HTTP server itself, before the app: a request line and headers past 16 KB (a query too long), no body
      if (params.some((p) => 'in' in p && p.in === 'query')) op.responses['431'] ??= { description: 'URL (クエリ) とヘッダーが大きすぎる (16 KB 超)' };
      answers(
        '503',
        true,
        'データベースまたは Redis が一時的に利用できない、混雑している、または同じデータを別の処理が更新中 (DATABASE_UNAVAILABLE・BUSY・LOCKED など): Retry-After の後に再試行',
        RETRY_AFTER,
      );
      // an error a controller declares itself (@ApiResponse) has the one error body too
      for (const [status, response] of Object.entries(op.responses) as [string, ResponseObject][])
        if (Number(status) >= 400 && status !== '431' && !response.content) op.responses[status] = errorResponse(response.description, response.headers);
      if (params.some((p) => 'name' in p && p.name === 'range' && p.in === 'query') && op.responses['200'])
        op.responses['200'] = { ...op.responses['200'], headers: { ...(op.responses['200'] as ResponseObject).headers, ...CONTENT_RANGE } };
    }
  }
  return document;
}
