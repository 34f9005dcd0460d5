import VpnKeyIcon from '@mui/icons-material/VpnKey';
import type { ResourceConfig } from '../types';
import { IntakeChannelCreate } from './IntakeChannelCreate';
import { IntakeChannelList } from './IntakeChannelList';

/** 受付窓口: intake channels and their API keys (admin only; providers/canAccess.ts). */
export default { list: IntakeChannelList, create: IntakeChannelCreate, icon: VpnKeyIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
