import { parseInstant } from '@jimukyoku/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** An ISO-8601 instant with an explicit offset (a naive local time is ambiguous and refused). */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value, args) => parseInstant(value, args?.property ?? 'value').ok,
        defaultMessage: (args) => {
          const r = parseInstant(args?.value, args?.property ?? 'value');
          return r.ok ? '' : r.message;
        },
      },
    },
    options,
  );
