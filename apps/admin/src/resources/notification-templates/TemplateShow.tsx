import { Box } from '@mui/material';
import { EditButton, Labeled, ListButton, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { JstDateField } from '../../common';
import type { TemplateRecord } from './template';
import { TemplateAudienceChip } from './TemplateAudienceChip';
import { TemplateTitle } from './TemplateTitle';
import { TemplateVariablesHelp } from './TemplateVariablesHelp';
import { TemplateVersionField } from './TemplateVersionField';
import { TemplateVersions } from './TemplateVersions';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'notification-templates', action: 'edit' });
  return (
    <TopToolbar>
      <ListButton />
      {canAccess ? <EditButton /> : null}
    </TopToolbar>
  );
};

const BodyText = (_props: { label?: string }) => {
  const record = useRecordContext<TemplateRecord>();
  if (!record) return null;
  return (
    <Box
      component="pre"
      data-testid="template-body"
      sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', fontSize: 14 }}
    >
      {record.bodyText}
    </Box>
  );
};

/** A template's latest text and its version history (the page a notification's 「第n版」 links to). */
export const TemplateShow = () => (
  <Show actions={<Actions />} title={<TemplateTitle />}>
    <SimpleShowLayout>
      <TextField source="label" />
      <TextField source="code" />
      <Labeled label="resources.notification-templates.fields.audience">
        <TemplateAudienceChip />
      </Labeled>
      <Labeled label="resources.notification-templates.fields.version">
        <TemplateVersionField />
      </Labeled>
      <JstDateField source="updatedAt" emptyText="-" />
      <TextField source="updatedByName" emptyText="-" />
      <TextField source="subject" />
      <Labeled label="resources.notification-templates.fields.bodyText" fullWidth>
        <BodyText />
      </Labeled>
      <TemplateVariablesHelp />
      <TemplateVersions />
    </SimpleShowLayout>
  </Show>
);
