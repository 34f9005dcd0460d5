import { Datagrid, List } from 'react-admin';
import { JstDateField } from '../common';
import { ActionField, ActorField, EntityField, ReasonField, StatusChangeField } from './auditLogFields';
import { auditLogFilters } from './auditLogFilters';

/** 監査ログ, newest first; read-only (no create, edit, delete, bulk actions). */
export const AuditLogList = () => (
  <List filters={auditLogFilters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <JstDateField source="occurredAt" />
      <ActionField label="resources.audit-logs.fields.action" sortBy="action" />
      <ActorField label="resources.audit-logs.fields.actorId" sortable={false} />
      <EntityField label="resources.audit-logs.fields.entityType" sortBy="entityType" />
      <StatusChangeField label="resources.audit-logs.fields.status" sortable={false} />
      <ReasonField label="resources.audit-logs.fields.reason" sortable={false} />
    </Datagrid>
  </List>
);
