import { Datagrid, List, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { scoreSheetFilters } from './scoreSheetFilters';
import { ScoreStatusChip } from './ScoreStatusChip';

/** 担当する審査: the signed-in reviewer's review assignments (the API scopes), nearest due date first. */
export const ScoreSheetList = () => (
  <List filters={scoreSheetFilters} filterDefaultValues={{ state: 'open' }} sort={{ field: 'dueAt', order: 'ASC' }} perPage={50} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="score-sheets">
      <TextField source="receiptNumber" emptyText="-" />
      <TextField source="applicantName" sortable={false} />
      <JstDateField source="dueAt" emptyText="-" />
      <ScoreStatusChip label="resources.score-sheets.fields.scoreStatus" sortable={false} />
    </Datagrid>
  </List>
);
