import GavelIcon from '@mui/icons-material/Gavel';
import type { ResourceConfig } from '../types';
import { ruleSetRepresentation } from './ruleSet';
import { RuleSetList } from './RuleSetList';
import { RuleSetShow } from './RuleSetShow';

/** 予算・版 (`/api/rule-sets`). */
export default { list: RuleSetList, show: RuleSetShow, icon: GavelIcon, recordRepresentation: ruleSetRepresentation } satisfies ResourceConfig;
