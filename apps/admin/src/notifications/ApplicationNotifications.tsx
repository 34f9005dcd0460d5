import { Datagrid, Pagination, ReferenceManyField, SelectField, TextField, useCanAccess, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { JstDateField } from '../common';
import { templateChoices } from './notification';
import { NotificationStatusChip } from './NotificationStatusChip';

/** 申請者へのメール: the notifications of the application in context (GET /api/notifications?filter={applicationId}), each by its template's name. */
export const ApplicationNotifications = () => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'notifications', action: 'list' });
  if (isPending) return null;
  if (!canAccess)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.notifications.no_access')}
      </Typography>
    );
  return (
    <ReferenceManyField reference="notifications" target="applicationId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<Typography variant="body2">{translate('app.notifications.none')}</Typography>}
        data-testid="application-notifications"
      >
        <JstDateField source="createdAt" label="resources.notifications.fields.createdAt" />
        <TextField source="recipient" label="resources.notifications.fields.recipient" />
        {/* which mail it is even before its subject is written (a 採択 notice held until the 採択発表 has none yet) */}
        <SelectField source="template" choices={templateChoices} label="resources.notifications.fields.template" />
        <TextField source="subject" label="resources.notifications.fields.subject" emptyText="-" sortable={false} />
        <NotificationStatusChip label="resources.notifications.fields.status" />
        <JstDateField source="sentAt" label="resources.notifications.fields.sentAt" emptyText="-" />
      </Datagrid>
    </ReferenceManyField>
  );
};
