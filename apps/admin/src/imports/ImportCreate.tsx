import { Box, Typography } from '@mui/material';
import { Create, FileField, FileInput, RadioButtonGroupInput, ReferenceInput, required, SelectInput, SimpleForm, useTranslate } from 'react-admin';
import { useConfirmedSave } from '../common';
import { modeChoices } from './importRecord';
import { TemplateLinks } from './TemplateLinks';

const Templates = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate('app.imports.templates')}</Typography>
      <TemplateLinks />
    </Box>
  );
};

/**
 * A new bulk import: the round, how to treat rows with problems, and the file (.csv / .xlsx), sent as
 * multipart by the data provider. The worker runs it; the page of the import follows its progress.
 */
export const ImportCreate = () => (
  <Create mutationOptions={useConfirmedSave('ra.notification.created', 'show')}>
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ mode: 'validRows' }}>
      <Templates />
      <ReferenceInput source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100}>
        <SelectInput optionText="title" validate={required()} label="resources.imports.fields.roundId" />
      </ReferenceInput>
      <RadioButtonGroupInput source="mode" choices={modeChoices} validate={required()} helperText="app.imports.mode_help" />
      <FileInput
        source="file"
        accept={{ 'text/csv': ['.csv'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'] }}
        multiple={false}
        validate={required()}
        label="app.imports.file"
        helperText="app.imports.file_help"
      >
        <FileField source="src" title="title" />
      </FileInput>
    </SimpleForm>
  </Create>
);
