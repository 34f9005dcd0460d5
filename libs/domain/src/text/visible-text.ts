/**
 * Whether a text a person must give (a reason, a name, a note) says anything: something is left once the
 * white space (the ideographic space U+3000 among it) and the invisible format characters (Unicode category Cf:
 * zero-width space U+200B, BOM, direction marks and overrides, soft hyphen) are taken away. A reason of an ideographic space (U+3000) or
 * of a zero-width space would reach the applicant's mail and the audit log as an empty one.
 */
export const hasVisibleText = (text: string | null | undefined): boolean => typeof text === 'string' && text.replace(/\p{Cf}/gu, '').trim() !== '';
