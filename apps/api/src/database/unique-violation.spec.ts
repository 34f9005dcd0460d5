import { QueryFailedError } from 'typeorm';
import { violatedUniqueConstraint } from './unique-violation';

const pgError = (code: string, constraint?: string) => Object.assign(new Error('x'), { code, constraint });

describe('violatedUniqueConstraint', () => {
  it('names the constraint of a unique violation, bare or wrapped by TypeORM', () => {
    expect(violatedUniqueConstraint(pgError('23505', 'staff_user_email_key'))).toBe('staff_user_email_key');
    expect(violatedUniqueConstraint(new QueryFailedError('INSERT', [], pgError('23505', 'round_code_key')))).toBe('round_code_key');
  });

  it('is null for anything else', () => {
    expect(violatedUniqueConstraint(pgError('23503', 'fk'))).toBeNull();
    expect(violatedUniqueConstraint(new TypeError('x'))).toBeNull();
    expect(violatedUniqueConstraint('23505')).toBeNull();
  });
});
