import {
  Datagrid,
  List,
  NumberField,
  Pagination,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useListContext,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { Typography } from '@mui/material';
import { listOf } from '../dashboard/pipeline';
import { AutoAssignButton } from './AutoAssignButton';
import { LoadBar } from './LoadBar';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="title" label="app.review.board.round" />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <AutoAssignButton />
  </TopToolbar>
);

const Hint = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return (filterValues as { roundId?: string }).roundId ? null : (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
      {translate('app.review.board.choose_round')}
    </Typography>
  );
};

/**
 * Where a reviewer's row leads. Whoever may change the reviewer opens its edit page (所属組織, 上限件数 and their
 * assignments); whoever may only read the board gets that reviewer's assignments in the 割当 list, of the board's
 * round when one is chosen (the row already shows the rest); anyone else, no link (the edit route would deny them).
 */
const useReviewerRowClick = () => {
  const { filterValues } = useListContext();
  const { canAccess: canEdit } = useCanAccess({ resource: 'reviewers', action: 'edit' });
  const { canAccess: canListAssignments } = useCanAccess({ resource: 'review-assignments', action: 'list' });
  const roundId = (filterValues as { roundId?: string }).roundId;
  if (canEdit) return 'edit';
  if (!canListAssignments) return false;
  return (id: Identifier) => listOf('review-assignments', { reviewerId: id, ...(roundId ? { roundId } : {}) });
};

const Board = () => (
  <Datagrid rowClick={useReviewerRowClick()} bulkActionButtons={false} data-testid="assignment-board">
    <TextField source="name" />
    <TextField source="organisation" sortable={false} emptyText="-" />
    <LoadBar label="app.review.board.load" sortBy="openCount" />
    <NumberField source="overdueCount" sortable={false} />
    <NumberField source="submittedCount" />
    <NumberField source="reviewCapacity" />
    <NumberField source="conflictCount" sortable={false} />
  </Datagrid>
);

/**
 * 割当ボード: every reviewer with their load (open assignments against 上限件数, of the chosen round
 * when one is chosen), overdue, submitted and declared conflicts; 自動割当 for the chosen round.
 * A row opens the reviewer, or for a reader their assignments (useReviewerRowClick).
 */
export const AssignmentBoard = () => (
  <List
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'openCount', order: 'DESC' }}
    perPage={100}
    // the page size offered must include the board's 100, or the selector shows nothing
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    exporter={false}
    title="app.review.board.title"
  >
    <Hint />
    <Board />
  </List>
);
