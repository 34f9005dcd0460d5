import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ResourceConfig } from '../types';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';

/** 一括取込: applications from CSV / Excel, run by the worker (managers; providers/canAccess.ts). */
export default { list: ImportList, show: ImportShow, create: ImportCreate, icon: UploadFileIcon, recordRepresentation: 'fileName' } satisfies ResourceConfig;
