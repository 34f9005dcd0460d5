import { useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';

export const TemplateTitle = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  return (
    <span>
      {translate('resources.notification-templates.name')}
      {record ? `: ${record.label}` : ''}
    </span>
  );
};
