import { Datagrid, List, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { AssignmentStateChip } from '../review-assignments/AssignmentStateChip';
import { scoreSheetFilters } from './scoreSheetFilters';
import { ScoreStatusChip } from './ScoreStatusChip';

/**
 * 担当する審査: the signed-in reviewer's review assignments (the API scopes), nearest due date first, each with its state
 * (期限超過 in red once its 審査期限 has passed unsubmitted).
 */
export const ScoreSheetList = () => (
  <List filters={scoreSheetFilters} filterDefaultValues={{ state: 'open' }} sort={{ field: 'dueAt', order: 'ASC' }} perPage={50} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="score-sheets">
      <TextField source="receiptNumber" emptyText="-" />
      <TextField source="applicantName" sortable={false} />
      <JstDateField source="dueAt" emptyText="-" />
      <AssignmentStateChip label="resources.score-sheets.fields.state" />
      <ScoreStatusChip label="resources.score-sheets.fields.scoreStatus" sortable={false} />
    </Datagrid>
  </List>
);
