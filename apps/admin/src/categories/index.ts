import CategoryIcon from '@mui/icons-material/Category';
import type { ResourceConfig } from '../types';
import { CategoryList } from './CategoryList';
import { CategoryShow } from './CategoryShow';

/** 類型 / 枠: caps, rates, tiers, floor, expense types, exclusions and requirements as data. */
export default { list: CategoryList, show: CategoryShow, icon: CategoryIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
