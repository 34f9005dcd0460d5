import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import type { ResourceConfig } from '../types';
import { ConflictCreate } from './ConflictCreate';
import { ConflictList } from './ConflictList';

/** 利益相反: list and declare; DELETE revokes (manager). */
export default { list: ConflictList, create: ConflictCreate, icon: GppMaybeIcon } satisfies ResourceConfig;
