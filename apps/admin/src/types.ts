import type { ResourceProps } from 'react-admin';

/**
 * What each resource folder's index.ts exports (react-admin examples/demo/src/orders/index.ts style):
 *
 *   // src/rounds/index.ts
 *   import EventIcon from '@mui/icons-material/Event';
 *   import { RoundList } from './RoundList';
 *   import { RoundShow } from './RoundShow';
 *   export default { list: RoundList, show: RoundShow, icon: EventIcon, recordRepresentation: 'name' } satisfies ResourceConfig;
 *
 * and App.tsx registers it with `<Resource name="rounds" {...rounds} />`.
 */
export type ResourceConfig = Pick<
  ResourceProps,
  'list' | 'show' | 'edit' | 'create' | 'icon' | 'recordRepresentation' | 'hasCreate' | 'hasEdit' | 'hasShow' | 'options'
>;
