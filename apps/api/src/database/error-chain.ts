/**
 * An error and the errors beneath it, outermost first: TypeORM's QueryFailedError keeps pg's error as
 * `driverError`, others keep theirs as `cause`. At most four deep; only objects.
 */
export function* errorChain(e: unknown): Generator<object> {
  for (let err = e, depth = 0; err && typeof err === 'object' && depth < 4; depth++) {
    yield err;
    err = (err as { driverError?: unknown }).driverError ?? (err as { cause?: unknown }).cause;
  }
}
