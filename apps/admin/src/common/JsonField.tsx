import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** A JSON value pretty-printed (audit changes, a category's raw configuration). */
export const JsonField = ({ source, maxHeight = 480 }: FieldProps & { maxHeight?: number }) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  const empty = value === null || value === undefined || (typeof value === 'object' && Object.keys(value as object).length === 0);
  if (empty) return <span>{translate('app.audit.json_empty')}</span>;
  return (
    <Box
      component="pre"
      data-testid={`json-${source}`}
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'action.hover',
        borderRadius: 1,
        fontSize: 13,
        fontFamily: 'ui-monospace, "IPAGothic", monospace',
        overflow: 'auto',
        maxHeight,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
