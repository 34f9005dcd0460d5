import { Accordion, AccordionDetails, AccordionSummary, Typography } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { JsonField, JstDateField } from '../common';
import { ActionField, ActorField, EntityField, StatusChangeField } from './auditLogFields';

/**
 * The record as evidence for an investigation: the raw `changes`, the request id and the address. Folded
 * by default, so the page reads in names and labels; opened, it shows exactly what was recorded.
 */
const TechnicalDetails = () => {
  const translate = useTranslate();
  return (
    <Accordion disableGutters variant="outlined" data-testid="audit-technical">
      <AccordionSummary>
        <Typography variant="body2">{translate('app.audit.technical')}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <SimpleShowLayout sx={{ p: 0 }}>
          <JsonField source="changes" />
          <TextField source="requestId" emptyText="-" />
          <TextField source="ip" emptyText="-" />
        </SimpleShowLayout>
      </AccordionDetails>
    </Accordion>
  );
};

/** One audit record, read-only: who did what to which record, when and why; what was recorded, on request. */
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
      <TechnicalDetails />
    </SimpleShowLayout>
  </Show>
);
