import { errorChain } from './error-chain';

/**
 * The unique constraint a failed statement violated (SQLSTATE 23505), or null for any other error. Routes check
 * for a duplicate before they insert and answer their own 409 (EMAIL_TAKEN, ROUND_NUMBER_TAKEN, …); two requests
 * at once both pass that check and the second meets the constraint, which is answered here.
 */
export function violatedUniqueConstraint(e: unknown): string | null {
  for (const err of errorChain(e)) {
    const { code, constraint } = err as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
  }
  return null;
}
