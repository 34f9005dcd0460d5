import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import type { ResourceConfig } from '../types';
import { AssignmentBoard } from './AssignmentBoard';
import { ReviewerEdit } from './ReviewerEdit';

/** 割当ボード: the reviewer pool with its load (list) and one reviewer's settings and assignments (edit). */
export default { list: AssignmentBoard, edit: ReviewerEdit, icon: ViewKanbanIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
