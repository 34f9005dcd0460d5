import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { roundStatusChoices } from './round';
import { RoundStatusChip } from './RoundStatusChip';

const roundFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="programId" source="programId" reference="programs" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={roundStatusChoices} alwaysOn />,
];

/** 公募回, latest deadline first; 公募開始 and 応募締切 in JST to the second; 締切処理 = when the scheduler closed it. */
export const RoundList = () => (
  <List filters={roundFilters} sort={{ field: 'closesAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="programId" reference="programs" link="show" sortable={false} />
      <ReferenceField source="ruleSetId" reference="rule-sets" link="show" sortable={false} />
      <JstDateField source="opensAt" />
      <JstDateField source="closesAt" />
      <RoundStatusChip label="resources.rounds.fields.status" sortable={false} />
      <JstDateField source="closedAt" sortable={false} emptyText="-" />
      <TextField source="announcementLabel" sortable={false} emptyText="-" />
    </Datagrid>
  </List>
);
