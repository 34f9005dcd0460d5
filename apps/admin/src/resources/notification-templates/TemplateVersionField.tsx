import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';

/** 第3版, or 初期設定 for a template nobody has saved yet (the built-in text). */
export const TemplateVersionField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" data-testid="template-version">
      {record.version > 0 ? translate('app.notification_templates.version', { version: record.version }) : translate('app.notification_templates.built_in')}
    </Typography>
  );
};
