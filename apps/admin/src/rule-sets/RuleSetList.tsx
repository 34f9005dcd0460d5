import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { AssumptionChip } from '../common';
import { LockChip, VersionField } from './LockChip';

const ruleSetFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="programId" source="programId" reference="programs" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

/** 予算・版: the legal basis and rule version each round runs on; locked once applications arrive. */
export const RuleSetList = () => (
  <List filters={ruleSetFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="programId" reference="programs" link="show" sortable={false} />
      <TextField source="label" />
      <TextField source="edition" />
      <VersionField label="resources.rule-sets.fields.version" sortBy="version" />
      <LockChip label="resources.rule-sets.fields.lockedAt" sortable={false} />
      <TextField source="code" />
      <AssumptionChip label="resources.rule-sets.fields.assumption" sortable={false} />
    </Datagrid>
  </List>
);
