import { isMailAddress } from '@jimukyoku/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An applicant's mail address, by the one rule intake and imports apply (libs/domain isMailAddress): an address
 * the intake refuses is not taken by a resend either, and the other way round.
 */
export const IsMailAddress = (message: string, options?: ValidationOptions) =>
  ValidateBy({ name: 'isMailAddress', validator: { validate: (value) => isMailAddress(value), defaultMessage: () => message } }, options);
