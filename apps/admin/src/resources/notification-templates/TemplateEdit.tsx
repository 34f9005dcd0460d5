import { Alert, Box } from '@mui/material';
import { Edit, required, SaveButton, ShowButton, SimpleForm, TextInput, Toolbar, TopToolbar, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { isApiRecord } from '../../providers';
import { toTemplateSave, type TemplateRecord } from './template';
import { TemplatePreviewPane } from './TemplatePreviewPane';
import { TemplateTitle } from './TemplateTitle';
import { TemplateVariablesHelp } from './TemplateVariablesHelp';
import { TemplateVersions } from './TemplateVersions';

/** 現在の版: what saving does (a new version; sent emails keep theirs). */
const VersionNote = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="template-version-note">
      {translate('app.notification_templates.save_note', {
        current:
          record.version > 0 ? translate('app.notification_templates.version', { version: record.version }) : translate('app.notification_templates.built_in'),
        next: translate('app.notification_templates.version', { version: record.version + 1 }),
      })}
    </Alert>
  );
};

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const FormToolbar = () => (
  <Toolbar>
    <SaveButton label="app.notification_templates.save" data-testid="template-save" />
  </Toolbar>
);

/**
 * The editor (managers): 件名 and 本文 on the left, the live preview against a real application on the
 * right, the version history below. Saving records a new version (PUT, pessimistic so a refusal such as
 * an unknown variable or someone else's newer version lands on the form) and stays on the page.
 */
export const TemplateEdit = () => {
  const notify = useNotify();
  // names the version the save recorded (react-admin's own notice said 「1 件を更新しました」)
  const onSuccess = (saved: TemplateRecord) => {
    // no notice for a save answered 401 that ended the session (providers/useApi.ts)
    if (isApiRecord(saved)) notify('app.notification_templates.saved', { type: 'info', messageArgs: { version: saved.version } });
  };
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onSuccess }}
      transform={toTemplateSave}
      redirect={false}
      actions={<Actions />}
      title={<TemplateTitle />}
    >
      <SimpleForm toolbar={<FormToolbar />} sx={{ maxWidth: 1600 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3, width: '100%' }}>
          <Box>
            <VersionNote />
            <TextInput source="subject" validate={required()} fullWidth />
            <TextInput source="bodyText" validate={required()} multiline minRows={16} fullWidth />
            <TemplateVariablesHelp />
          </Box>
          <TemplatePreviewPane />
        </Box>
        <TemplateVersions />
      </SimpleForm>
    </Edit>
  );
};
