import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { programKindChoices } from '../programs/choices';
import { ruleSetRepresentation, type RuleSetRecord } from '../rule-sets/ruleSet';

const categoryFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="programId" source="programId" reference="programs" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="ruleSetId" source="ruleSetId" reference="rule-sets" sort={{ field: 'code', order: 'ASC' }} perPage={200}>
    <SelectInput optionText={(r: RuleSetRecord) => `${ruleSetRepresentation(r)} (${r.code})`} />
  </ReferenceInput>,
];

/** 類型 with 補助上限額 / 補助率 / 補助下限額 summarised by the API (libs/domain describeCategory). */
export const CategoryList = () => (
  <List filters={categoryFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="programId" reference="programs" link="show" sortable={false} />
      <ReferenceField source="ruleSetId" reference="rule-sets" link="show" sortable={false} />
      <SelectField source="kind" choices={programKindChoices} />
      <TextField source="summary.cap" sortable={false} />
      <TextField source="summary.rate" sortable={false} />
      <TextField source="summary.floor" sortable={false} emptyText="-" />
    </Datagrid>
  </List>
);
