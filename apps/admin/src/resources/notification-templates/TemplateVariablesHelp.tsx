import { Box, Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';

/** 差し込み項目: the {{variables}} this template may use, with what each is replaced by. */
export const TemplateVariablesHelp = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box data-testid="template-variables" sx={{ mt: 1 }}>
      <Typography variant="subtitle2">{translate('app.notification_templates.variables')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.notification_templates.variables_help')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {record.variables.map((v) => (
          <Chip key={v.name} size="small" label={`{{${v.name}}} ${v.label}`} sx={{ fontFamily: 'ui-monospace, monospace' }} />
        ))}
      </Box>
    </Box>
  );
};
