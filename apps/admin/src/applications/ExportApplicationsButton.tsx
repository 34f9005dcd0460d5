import DownloadIcon from '@mui/icons-material/Download';
import { Button, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useRedirect, useTranslate } from 'react-admin';
import { requestFile } from '../providers';
import { jstDayFilters } from '../providers/dataProvider';

/**
 * 申請 → エクスポート: the list's current filter, exported by the API (POST /api/application-exports) as
 * CSV or Excel with Japanese headers and labels. A small export is saved at once; a large one is written
 * by the worker, and the エクスポート page shows its progress and the download.
 */
export const ExportApplicationsButton = () => {
  const { filterValues, total } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    setBusy(true);
    try {
      const answer = await requestFile('/application-exports', { format, filter: jstDayFilters(filterValues) ?? {} }, `applications.${format}`);
      if (answer.saved) {
        notify(translate('app.exports.saved', { fileName: answer.fileName }), { type: 'success' });
      } else {
        const record = answer.body as { totalRows?: number };
        notify(translate('app.exports.queued', { total: (record.totalRows ?? 0).toLocaleString('ja-JP') }), { type: 'info', autoHideDuration: 8000 });
        redirect('list', 'application-exports');
      }
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={busy || total === 0}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        data-testid="export-applications"
      >
        {translate('app.exports.button')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('csv')} data-testid="export-csv">
          {translate('app.exports.csv')}
        </MenuItem>
        <MenuItem onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {translate('app.exports.xlsx')}
        </MenuItem>
      </Menu>
    </>
  );
};
