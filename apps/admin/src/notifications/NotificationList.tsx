import { Datagrid, FunctionField, List, NumberField, ReferenceField, SelectField, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { templateChoices } from './notification';
import { notificationFilters } from './notificationFilters';
import { NotificationProgress } from './NotificationProgress';
import { NotificationStatusChip } from './NotificationStatusChip';

/**
 * 通知 (mail to applicants), newest first, under the live 送信の進捗; read-only here (再送 is on the show page).
 * 申請 as 受付番号 and 事業者名 (the page's applications looked up at once), テンプレート by name.
 */
export const NotificationList = () => (
  <List filters={notificationFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
    <NotificationProgress />
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="notifications">
      <JstDateField source="createdAt" />
      <ReferenceField source="applicationId" reference="applications" link={false} sortable={false} emptyText="-">
        <FunctionField<{ receiptNumber?: string | null; applicantName?: string }>
          render={(a) => [a.receiptNumber, a.applicantName].filter(Boolean).join(' ')}
        />
      </ReferenceField>
      <TextField source="recipient" />
      <TextField source="subject" sortable={false} emptyText="-" />
      <SelectField source="template" choices={templateChoices} />
      <NotificationStatusChip label="resources.notifications.fields.status" sortBy="status" />
      <NumberField source="attempts" sortable={false} />
      <JstDateField source="sentAt" emptyText="-" />
    </Datagrid>
  </List>
);
