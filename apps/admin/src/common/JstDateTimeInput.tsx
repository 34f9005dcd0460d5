import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { jstInputToInstant, toJstInputValue } from './jst';

/** Refuses a value that cannot become an instant (the input itself gives '' while incomplete). */
export const jstDateTime = (): Validator => (value: unknown) => (jstInputToInstant(value) === undefined ? 'app.common.invalid_datetime' : undefined);

/**
 * A date and time typed or picked as the JST wall clock (to the second), whatever the browser's time
 * zone: the input shows an API instant in JST and keeps what is typed as a wall clock; the form's
 * `transform` turns it into `YYYY-MM-DDTHH:mm:ss+09:00` with `jstInputToInstant` before saving.
 */
export const JstDateTimeInput = ({ validate, helperText, ...props }: Omit<TextInputProps, 'type' | 'format'>) => {
  const validators = [jstDateTime(), ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <TextInput
      {...props}
      type="datetime-local"
      format={toJstInputValue}
      validate={validators}
      helperText={helperText ?? 'app.common.jst_hint'}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 1 } }}
    />
  );
};
