import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * 制度設計中: what the briefing says is still being designed for a 類型 (its config's `caveat`, libs/domain
 * category.types.ts). Shown on the 類型's page and with every quote of it, so nobody takes the amount for final.
 */
export const CaveatNote = ({ text }: { text: string | null | undefined }) => {
  const translate = useTranslate();
  if (!text) return null;
  return (
    <Alert severity="info" sx={{ my: 1 }} data-testid="caveat">
      <strong>{translate('app.common.caveat')}</strong>: {text}
    </Alert>
  );
};
