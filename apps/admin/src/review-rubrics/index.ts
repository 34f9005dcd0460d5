import RuleIcon from '@mui/icons-material/Rule';
import type { ResourceConfig } from '../types';
import { RubricEdit } from './RubricEdit';
import { RubricList } from './RubricList';

/** 審査基準: list per round and edit (criteria and 加点項目 until the first score; settings always). */
export default { list: RubricList, edit: RubricEdit, icon: RuleIcon, recordRepresentation: 'categoryName' } satisfies ResourceConfig;
