import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { JsonField, JstDateField } from '../common';
import { ActionField, ActorField, EntityField, StatusChangeField } from './auditLogFields';

/** One audit record, read-only: who did what to which record, when, why, and what changed. */
export const AuditLogShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <JstDateField source="occurredAt" />
      <Labeled label="resources.audit-logs.fields.action">
        <ActionField />
      </Labeled>
      <Labeled label="resources.audit-logs.fields.actorId">
        <ActorField />
      </Labeled>
      <Labeled label="resources.audit-logs.fields.entityType">
        <EntityField />
      </Labeled>
      <Labeled label="resources.audit-logs.fields.status">
        <StatusChangeField />
      </Labeled>
      <TextField source="reason" emptyText="-" />
      <JsonField source="changes" />
      <TextField source="requestId" emptyText="-" />
      <TextField source="ip" emptyText="-" />
    </SimpleShowLayout>
  </Show>
);
