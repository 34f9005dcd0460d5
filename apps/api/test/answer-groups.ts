import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

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
