import EventIcon from '@mui/icons-material/Event';
import type { ResourceConfig } from '../types';
import { RoundCreate } from './RoundCreate';
import { RoundEdit } from './RoundEdit';
import { RoundList } from './RoundList';
import { RoundShow } from './RoundShow';

/** 公募回: read by all staff; schedule and budgets kept by admins and managers (rounds.write). */
export default {
  list: RoundList,
  show: RoundShow,
  edit: RoundEdit,
  create: RoundCreate,
  icon: EventIcon,
  recordRepresentation: 'title',
} satisfies ResourceConfig;
