import { Link as MuiLink, Typography } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { templateVersionPath } from './template';

/**
 * On a notification: the template version its text was rendered from, linking to that version in the
 * template's history (for those who may read templates).
 */
export const TemplateVersionLink = (_props: { label?: string }) => {
  const record = useRecordContext<{ template: string; templateCode?: string | null; templateVersion: number | null }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'notification-templates', action: 'show' });
  if (!record || record.templateVersion === null || record.templateVersion === undefined) return <Typography variant="body2">-</Typography>;
  const text =
    record.templateVersion > 0
      ? translate('app.notification_templates.version', { version: record.templateVersion })
      : translate('app.notification_templates.built_in');
  if (!canAccess) return <Typography variant="body2">{text}</Typography>;
  return (
    <MuiLink href={templateVersionPath(record.templateCode ?? record.template, record.templateVersion)} data-testid="notification-template-version">
      {text}
    </MuiLink>
  );
};
