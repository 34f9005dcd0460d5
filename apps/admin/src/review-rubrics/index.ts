import RuleIcon from '@mui/icons-material/Rule';
import type { ResourceConfig } from '../types';
import { RubricEdit } from './RubricEdit';
import { RubricList } from './RubricList';
import { RubricShow } from './RubricShow';

/**
 * 審査基準: list per round, edit (criteria and 加点項目 until the first score; settings always) and, for those who
 * may only read it, show.
 */
export default { list: RubricList, show: RubricShow, edit: RubricEdit, icon: RuleIcon, recordRepresentation: 'categoryName' } satisfies ResourceConfig;
