import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { ResourceConfig } from '../types';
import { ProgramList } from './ProgramList';
import { ProgramShow } from './ProgramShow';

/** 事業: read here; configured by administrators through the API. */
export default { list: ProgramList, show: ProgramShow, icon: AccountBalanceIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
