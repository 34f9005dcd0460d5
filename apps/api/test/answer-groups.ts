import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { answerChecker } from './openapi-answers';

/** Every operation of the document whose path one of `group` matches, with its 2xx responses. */
export function groupOperations(doc: OpenAPIObject, group: RegExp[]) {
  return Object.entries(doc.paths)
    .filter(([path]) => group.some((g) => g.test(path)))
    .flatMap(([path, item]) =>
      Object.entries(item as Record<string, OperationObject>).map(([method, op]) => ({
        key: `${method} ${path}`,
        successes: Object.entries(op.responses).filter(([status]) => status.startsWith('2')) as [string, ResponseObject][],
      })),
    );
}

/**
 * The operations of the group with a success that declares no body: neither a JSON schema nor, for a file, a schema
 * under each of its media types (`files`: `<method> <path> <status>` of a success that is a file, with the types it declares).
 */
export function undeclaredSuccesses(doc: OpenAPIObject, group: RegExp[], files: Record<string, string[]> = {}): string[] {
  return groupOperations(doc, group).flatMap(({ key, successes }) =>
    successes.length === 0
      ? [`${key}: no success`]
      : successes
          .filter(([status, r]) => {
            const types = files[`${key} ${status}`];
            return types ? !types.every((type) => r.content?.[type]?.schema) : !r.content?.['application/json']?.schema;
          })
          .map(([status]) => `${key} ${status}`),
  );
}

/**
 * What an answers suite saw: each success body checked against the document (`complaints`, empty when every one
 * conforms as a closed object) and the operations it exercised. `use` it with the document once the app is up.
 */
export class AnswerLog {
  readonly complaints: string[] = [];
  readonly exercised = new Set<string>();
  private checker: ReturnType<typeof answerChecker> | null = null;

  use(doc: OpenAPIObject): void {
    this.checker = answerChecker(doc);
  }

  /** The complaints about one answer, without recording it (a suite's check that the checker refuses a stray key). */
  readonly check = (method: string, path: string, status: number, body: unknown): string[] => {
    if (!this.checker) throw new Error('AnswerLog.use(doc) first');
    return this.checker(method, path, status, body);
  };

  readonly conforms = (method: 'get' | 'post' | 'put' | 'delete', path: string, res: { status: number; body: unknown }): void => {
    this.exercised.add(`${method} ${path}`);
    this.complaints.push(...this.check(method, path, res.status, res.body));
  };
}
