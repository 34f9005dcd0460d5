import { Datagrid, Labeled, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { AssumptionField, JstDateField } from '../common';
import { programKindChoices } from '../programs/choices';
import { RoundStatusChip } from '../rounds/RoundStatusChip';
import { LockChip, VersionField } from './LockChip';

/** One rule set: its programme, version chain and lock, and the categories (類型) it defines. */
export const RuleSetShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="programId" reference="programs" link="show" />
        <TextField source="label" />
        <TextField source="edition" />
        <TextField source="code" />
        <Labeled label="resources.rule-sets.fields.version">
          <VersionField />
        </Labeled>
        <ReferenceField source="supersedesId" reference="rule-sets" link="show" emptyText="-" />
        <Labeled label="resources.rule-sets.fields.lockedAt">
          <LockChip />
        </Labeled>
        <JstDateField source="lockedAt" emptyText="-" />
        <AssumptionField />
        <Labeled label={translate('app.rules.categories_of_rule_set')} fullWidth>
          <ReferenceManyField reference="categories" target="ruleSetId" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <SelectField source="kind" choices={programKindChoices} />
              <TextField source="summary.cap" sortable={false} />
              <TextField source="summary.rate" sortable={false} />
              <TextField source="summary.floor" sortable={false} emptyText="-" />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
        <Labeled label="resources.rounds.name" fullWidth>
          <ReferenceManyField reference="rounds" target="ruleSetId" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <JstDateField source="opensAt" />
              <JstDateField source="closesAt" />
              <RoundStatusChip label="resources.rounds.fields.status" />
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
