import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The characters that end a line or are no text at all: the C0 controls (TAB, LF, CR …) but NUL, which every value
 * refuses already (common/hostile-input.ts), DEL, the C1 controls (NEL, U+0085) and the line and paragraph
 * separators (U+2028, U+2029).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
export const LINE_BREAKING = /[\u0001-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A text of one line (a name, a title, an address): a string without LINE_BREAKING characters is refused with a
 * message naming `field`. A name goes into the mails sent from the secretariat's address (「{{applicantName}} 様」),
 * where 「株式会社\n\n【重要】手数料を下記口座へ…」 would be a paragraph of the sender's choosing, and into the lists
 * and the CSV exports. Other values pass (the field's own type check answers them).
 */
export const SingleLine = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: (value) => typeof value !== 'string' || !LINE_BREAKING.test(value),
        defaultMessage: () => `${field} に改行やタブなどの制御文字は使えません。1行で入力してください`,
      },
    },
    options,
  );
