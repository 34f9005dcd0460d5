import { Datagrid, Labeled, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { AssumptionField, JstDateField } from '../common';
import { RoundStatusChip } from '../rounds/RoundStatusChip';
import { LockChip, VersionField } from '../rule-sets/LockChip';
import { programKindChoices, workflowKindChoices } from './choices';

/** One programme with its rule sets (予算・版) and rounds (公募回). */
export const ProgramShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="code" />
        <SelectField source="kind" choices={programKindChoices} />
        <SelectField source="workflowKind" choices={workflowKindChoices} />
        <AssumptionField />
        <Labeled label={translate('app.rules.rule_sets_of_program')} fullWidth>
          <ReferenceManyField reference="rule-sets" target="programId" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="label" />
              <TextField source="edition" />
              <VersionField label="resources.rule-sets.fields.version" />
              <LockChip label="resources.rule-sets.fields.lockedAt" />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
        <Labeled label={translate('app.rules.rounds_of_program')} fullWidth>
          <ReferenceManyField reference="rounds" target="programId" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <JstDateField source="opensAt" />
              <JstDateField source="closesAt" />
              <RoundStatusChip label="resources.rounds.fields.status" />
              <TextField source="announcementLabel" emptyText="-" sortable={false} />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
        <JstDateField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
};
