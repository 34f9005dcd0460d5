import { CreateButton, Datagrid, List, TopToolbar } from 'react-admin';
import { assignmentColumns } from './AssignmentFields';
import { assignmentFilters } from './assignmentFilters';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="app.review.board.assign" />
  </TopToolbar>
);

/** 割当: every assignment (a reviewer only their own), with 付け替え and 取消 for a manager. */
export const AssignmentList = () => (
  <List filters={assignmentFilters} actions={<Actions />} sort={{ field: 'assignedAt', order: 'DESC' }} perPage={50} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="review-assignments">
      {assignmentColumns(true)}
    </Datagrid>
  </List>
);
