import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * Every DTO property that holds one nested object also says it must be an object: `@ValidateNested()` alone
 * checks each element of a list and lets `[]` through, so `"applicant": []` reached the intake's code as an
 * empty list and crashed it (a 500 found by fuzzing); with `each`, it lets an element that is itself a list through
 * (`"answers": [[]]` reached the 形式チェック as an answer without a code). Reads the validation metadata of every DTO file.
 */
describe('nested DTO objects', () => {
  const srcDir = join(__dirname, '..', '..');
  const dtoFiles = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)dto\/[^/]+\.dto\.ts$/.test(f));
  beforeAll(async () => {
    for (const file of dtoFiles) await import(join(srcDir, file));
  });

  it('reads the DTO files', () => expect(dtoFiles.length).toBeGreaterThan(20));

  /** The DTO properties validated as nested (`each`: a list of them) without @IsObject of the same `each` beside. */
  const withoutIsObject = (each: boolean): string[] => {
    const metadata = (
      getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, { propertyName: string; type: string; name?: string; each: boolean }[]> }
    ).validationMetadatas;
    const unchecked: string[] = [];
    for (const [target, rules] of metadata) {
      for (const nested of rules.filter((r) => r.type === ValidationTypes.NESTED_VALIDATION && r.each === each)) {
        const isObject = rules.some(
          (r) => r.propertyName === nested.propertyName && r.type === ValidationTypes.CUSTOM_VALIDATION && r.name === 'isObject' && r.each === each,
        );
        if (!isObject) unchecked.push(`${target.name}.${nested.propertyName}`);
      }
    }
    return unchecked;
  };

  it('a single nested object is checked to be an object (@IsObject beside @ValidateNested)', () => {
    expect(withoutIsObject(false)).toEqual([]);
  });

  it('a list of nested objects checks each element is an object (@IsObject({ each: true }) beside @ValidateNested({ each: true }))', () => {
    expect(withoutIsObject(true)).toEqual([]);
  });
});
