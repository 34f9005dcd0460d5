import { Datagrid, List, SearchInput, SelectInput, TextField, useCanAccess } from 'react-admin';
import { JstDateField } from '../../common';
import { templateAudienceChoices, templateWorkflowKindChoices } from './template';
import { TemplateAudienceChip } from './TemplateAudienceChip';
import { TemplateWorkflowKindField } from './TemplateWorkflowKindField';
import { TemplateVersionField } from './TemplateVersionField';

const templateFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="audience" source="audience" choices={templateAudienceChoices} alwaysOn />,
  <SelectInput key="workflowKind" source="workflowKind" choices={templateWorkflowKindChoices} alwaysOn />,
];

/**
 * テンプレート: one row per email the system sends, with its latest version; a manager opens the editor. A
 * template written for one kind of programme (給付金, IT導入) is its own row, named with the kind.
 */
export const TemplateList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'notification-templates', action: 'edit' });
  return (
    <List filters={templateFilters} sort={{ field: 'code', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false} data-testid="notification-templates">
        <TextField source="label" />
        <TextField source="code" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }} />
        <TemplateAudienceChip label="resources.notification-templates.fields.audience" sortable={false} />
        <TemplateWorkflowKindField label="resources.notification-templates.fields.workflowKind" sortable={false} />
        <TemplateVersionField label="resources.notification-templates.fields.version" sortBy="version" />
        <TextField source="subject" sortable={false} />
        <JstDateField source="updatedAt" emptyText="-" />
        <TextField source="updatedByName" sortable={false} emptyText="-" />
      </Datagrid>
    </List>
  );
};
