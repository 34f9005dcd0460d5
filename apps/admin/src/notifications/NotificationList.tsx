import { Datagrid, List, NumberField, SelectField, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { templateChoices } from './notification';
import { notificationFilters } from './notificationFilters';
import { NotificationProgress } from './NotificationProgress';
import { NotificationStatusChip } from './NotificationStatusChip';

/** 通知 (mail to applicants), newest first, under the live 送信の進捗; read-only here (再送 is on the show page). */
export const NotificationList = () => (
  <List filters={notificationFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
    <NotificationProgress />
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="notifications">
      <JstDateField source="createdAt" />
      <TextField source="recipient" />
      <TextField source="subject" sortable={false} emptyText="-" />
      <SelectField source="template" choices={templateChoices} />
      <NotificationStatusChip label="resources.notifications.fields.status" sortBy="status" />
      <NumberField source="attempts" sortable={false} />
      <JstDateField source="sentAt" emptyText="-" />
    </Datagrid>
  </List>
);
