import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import type { ResourceConfig } from '../types';
import { AssignmentCreate } from './AssignmentCreate';
import { AssignmentList } from './AssignmentList';

/** 割当: list (付け替え, 取消) and manual create; managers only in the menu (providers/canAccess.ts). */
export default { list: AssignmentList, create: AssignmentCreate, icon: AssignmentIndIcon } satisfies ResourceConfig;
