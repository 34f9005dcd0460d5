/** Japanese text: error messages reach reviewers and applicants, who read Japanese. */
export const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The documented error body `{ statusCode, code, message, errors? }` with `status` (and `code`, when given), in Japanese. */
export function expectErrorBody(res: { status: number; body: any }, status: number, code?: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code: code ?? res.body?.code });
  expect(res.body.statusCode).toBe(status);
  expect(res.body.message).toMatch(JAPANESE);
}
