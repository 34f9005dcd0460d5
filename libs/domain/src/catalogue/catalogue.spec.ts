import { REFERENCE_CATALOGUE, validateCatalogue } from '.';

describe('REFERENCE_CATALOGUE', () => {
  it('passes validateCatalogue', () => {
    expect(validateCatalogue(REFERENCE_CATALOGUE)).toEqual([]);
  });
});
