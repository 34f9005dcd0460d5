import { hasVisibleText } from '@jimukyoku/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A text a person must give (a reason, a name, a note): a string with something visible in it (libs/domain
 * hasVisibleText). Blank, an ideographic space (U+3000) or a zero-width space is refused with `message` (MinLength(1) let them through, and a
 * name trimmed afterwards was stored empty).
 */
export const HasText = (message: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'hasText',
      validator: {
        validate: (value) => hasVisibleText(value as string),
        defaultMessage: () => message,
      },
    },
    options,
  );
