/**
 * An address the secretariat sends applicants' mail to (the 連絡先メールアドレス of an application, the
 * recipient of a resend): one rule for every place that takes one, so an address stored at intake is one
 * the resend would take too. Plain ASCII only (a full-width `ａ@example.jp` is a typing slip, not an
 * address), a dot-atom local part (no leading, trailing or doubled dot), a domain of letters, digits and
 * hyphens with a top-level label of at least two letters (no IP literal), at most 254 characters.
 */
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^[A-Za-z]{2,63}$/;

export const MAIL_ADDRESS_MAX_LENGTH = 254;

export function isMailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAIL_ADDRESS_MAX_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@')) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    local.split('.').every((atom) => LOCAL_ATOM.test(atom)) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1]!)
  );
}
