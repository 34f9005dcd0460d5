import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';

const COLOR = { applicant: 'default', reviewer: 'info', manager: 'secondary' } as const;

/** 宛先: 申請者 / 審査員 / 事務局マネージャー (which variables the template may use follows from it). */
export const TemplateAudienceChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOR[record.audience] ?? 'default'}
      label={translate(`app.notification_templates.audiences.${record.audience}`, { _: record.audience })}
    />
  );
};
