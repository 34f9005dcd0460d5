import FileDownloadIcon from '@mui/icons-material/FileDownload';
import type { ResourceConfig } from '../types';
import { ApplicationExportList } from './ApplicationExportList';

/** エクスポート: exports of the 申請 list and their progress (everyone their own; managers all; providers/canAccess.ts). */
export default { list: ApplicationExportList, icon: FileDownloadIcon, recordRepresentation: 'fileName' } satisfies ResourceConfig;
