import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';

/**
 * 対象: the kind of programme the template is written for (給付金, IT導入補助金), or 補助金（共通） for the
 * plain text every programme without a variant of its own is sent (README "Templates").
 */
export const TemplateWorkflowKindField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.audience !== 'applicant') return <Typography variant="body2">-</Typography>;
  const kind = record.workflowKind ?? 'subsidy';
  return <Typography variant="body2">{translate(`app.notification_templates.workflow_kinds.${kind}`, { _: kind })}</Typography>;
};
