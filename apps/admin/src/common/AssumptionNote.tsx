import { Alert, Chip, Tooltip } from '@mui/material';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/**
 * 仮定: a value the briefing or 公募要領 leaves open and someone decided. Highlighted wherever it
 * appears, so nobody mistakes it for a published rule.
 */
export const AssumptionNote = ({ text }: { text: string | null | undefined }) => {
  const translate = useTranslate();
  if (!text) return null;
  return (
    <Alert severity="warning" icon={<HelpOutlineIcon fontSize="inherit" />} sx={{ my: 1 }} data-testid="assumption">
      <strong>{translate('app.common.assumption')}</strong>: {text}
    </Alert>
  );
};

/** The `assumption` of a record as a note (show pages). */
export const AssumptionField = ({ source = 'assumption' }: Partial<FieldProps>) => {
  const value = useFieldValue({ source });
  return <AssumptionNote text={typeof value === 'string' ? value : null} />;
};

/** A small 仮定 chip with the note as tooltip (list rows). */
export const AssumptionChip = ({ source = 'assumption' }: Partial<FieldProps>) => {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (typeof value !== 'string' || !value) return null;
  return (
    <Tooltip title={value}>
      <Chip size="small" color="warning" variant="outlined" icon={<HelpOutlineIcon />} label={translate('app.common.assumption')} />
    </Tooltip>
  );
};
