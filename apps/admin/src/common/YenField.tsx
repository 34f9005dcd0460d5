import { Typography, type SxProps, type Theme } from '@mui/material';
import { formatYen } from '@jimukyoku/domain';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** An integer amount of yen as 1,234,567円 (empty text for null: e.g. 予算 未設定). */
export const YenField = ({ source, emptyText, className, sx }: FieldProps & { emptyText?: string; sx?: SxProps<Theme> }) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  const text = typeof value === 'number' && Number.isFinite(value) ? formatYen(value) : emptyText ? translate(emptyText, { _: emptyText }) : '';
  return (
    <Typography
      component="span"
      variant="body2"
      className={className}
      sx={[{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {text}
    </Typography>
  );
};
