import PeopleIcon from '@mui/icons-material/People';
import type { ResourceConfig } from '../types';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

/** ユーザー: staff accounts (admin only; see providers/canAccess.ts). */
export default { list: UserList, create: UserCreate, edit: UserEdit, icon: PeopleIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
