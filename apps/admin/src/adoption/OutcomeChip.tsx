import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Outcome } from '../review/types';

const COLORS = { adopted: 'success', waitlisted: 'warning', rejected: 'default' } as const;

export const OutcomeChip = ({ outcome }: { outcome: Outcome }) => {
  const translate = useTranslate();
  return <Chip size="small" color={COLORS[outcome]} label={translate(`app.review.outcome.${outcome}`)} data-testid="outcome" />;
};
