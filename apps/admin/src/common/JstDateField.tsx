import { Typography, type SxProps, type Theme } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { formatJst } from './jst';

export type JstDateFieldProps = FieldProps & { emptyText?: string; sx?: SxProps<Theme> };

/**
 * An instant shown in Asia/Tokyo to the second, e.g. 2022年3月24日(木) 18:00:00, whatever the
 * browser's time zone. The UTC value is in the tooltip for comparing with logs.
 */
export const JstDateField = ({ source, emptyText, className, sx }: JstDateFieldProps) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  const text = formatJst(value);
  if (!text) {
    return emptyText ? (
      <Typography component="span" variant="body2" className={className} sx={sx}>
        {translate(emptyText, { _: emptyText })}
      </Typography>
    ) : null;
  }
  return (
    <Typography
      component="time"
      variant="body2"
      className={className}
      sx={[{ whiteSpace: 'nowrap' }, ...(Array.isArray(sx) ? sx : [sx])]}
      dateTime={String(value)}
      title={`UTC ${new Date(String(value)).toISOString()}`}
    >
      {text}
    </Typography>
  );
};
