import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { formatCalendarDate } from './jst';

export type CalendarDateFieldProps = FieldProps & { emptyText?: string };

/**
 * A calendar date the API keeps as `YYYY-MM-DD` (a 振込指定日, a 納期限, an 入金日: a day in Japan, not an instant),
 * shown as people read it beside the instants of JstDateField: 2026年12月14日(月).
 */
export const CalendarDateField = ({ source, emptyText, className }: CalendarDateFieldProps) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (typeof value !== 'string' || value === '') {
    return emptyText ? (
      <Typography component="span" variant="body2" className={className}>
        {translate(emptyText, { _: emptyText })}
      </Typography>
    ) : null;
  }
  return (
    <Typography component="time" variant="body2" className={className} sx={{ whiteSpace: 'nowrap' }} dateTime={value}>
      {formatCalendarDate(value)}
    </Typography>
  );
};
