/**
 * The shape every eligibility check returns. A failure carries a stable `code`
 * (`<rule>.<reason>`, for programs and translations), a Japanese `message` that names the rule and
 * the numbers compared (for people), the input `field` to fix where there is one, and `details`
 * with the figures behind the decision (for the audit log and the admin UI).
 */
export type CheckDetails = Readonly<Record<string, unknown>>;

export interface CheckPassed {
  readonly ok: true;
  readonly details?: CheckDetails;
}

export interface CheckFailed {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly details?: CheckDetails;
}

export type CheckResult = CheckPassed | CheckFailed;

export const passed = (details?: CheckDetails): CheckPassed => (details ? { ok: true, details } : { ok: true });

export const failed = (code: string, message: string, field?: string, details?: CheckDetails): CheckFailed => ({
  ok: false,
  code,
  message,
  ...(field !== undefined ? { field } : {}),
  ...(details !== undefined ? { details } : {}),
});
