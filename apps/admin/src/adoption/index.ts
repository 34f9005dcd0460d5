import InsightsIcon from '@mui/icons-material/Insights';
import type { ResourceConfig } from '../types';
import { SimulatorPage } from './SimulatorPage';

/**
 * シミュレーター: a page, not an API resource. It is registered as `<Resource name="adoption">` only so
 * the menu lists it for the roles providers/canAccess.ts lets `list` it (manager, auditor); it calls
 * /api/rounds/:roundId/ranking and …/decisions itself, never /api/adoption.
 */
export default { list: SimulatorPage, icon: InsightsIcon } satisfies ResourceConfig;
