/**
 * LIKE / ILIKE patterns for text a person typed into a search: `%`, `_` and the escape character `\` are taken as
 * themselves (PostgreSQL's default ESCAPE is `\`), so a search for 「100%」 or 「a_b」 finds those characters and a
 * search for 「%」 does not match every row.
 */
const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The rows whose text contains `text`. */
export const containing = (text: string): string => `%${escaped(text)}%`;

/** The rows whose text starts with `text`. */
export const startingWith = (text: string): string => `${escaped(text)}%`;
