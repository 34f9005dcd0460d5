import { Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { AssumptionChip } from '../common';
import { programKindChoices, workflowKindChoices } from './choices';

const programFilters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={programKindChoices} alwaysOn />];

/** 事業: every programme the secretariat runs, with its kind and workflow. */
export const ProgramList = () => (
  <List filters={programFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <SelectField source="kind" choices={programKindChoices} />
      <SelectField source="workflowKind" choices={workflowKindChoices} sortable={false} />
      <TextField source="code" />
      <AssumptionChip label="resources.programs.fields.assumption" sortable={false} />
    </Datagrid>
  </List>
);
