import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isActive, progressPercent, type ImportRecord } from './importRecord';

const COLOR = { queued: 'default', running: 'info', done: 'success', failed: 'error' } as const;

export const ImportStatusChip = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLOR[record.status] ?? 'default'}
      label={translate(`app.imports.statuses.${record.status}`, { _: record.status })}
      data-testid="import-status"
    />
  );
};

/** processedRows / totalRows as a bar (indeterminate while the file is still being counted). */
export const ImportProgress = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImportRecord>();
  if (!record) return null;
  const percent = progressPercent(record);
  return (
    <Box sx={{ minWidth: 160 }} data-testid="import-progress">
      <LinearProgress
        variant={percent === null && isActive(record) ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        color={record.status === 'failed' ? 'error' : record.status === 'done' ? 'success' : 'primary'}
      />
      <Typography variant="caption" color="text.secondary">
        {record.processedRows.toLocaleString('ja-JP')} / {record.totalRows.toLocaleString('ja-JP')}
      </Typography>
    </Box>
  );
};

export const ImportedCount = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImportRecord>();
  const translate = useTranslate();
  return record ? <span>{translate('app.imports.imported', { n: record.importedRows.toLocaleString('ja-JP') })}</span> : null;
};

export const ErrorCount = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  // a file refused whole (its 見出し行, a limit) has problems but no row counted as wrong: not 「誤り 0行」
  const refusedWhole = record.status === 'failed' && record.errorRows === 0 && (record.errors?.length ?? 0) > 0;
  return (
    <Typography component="span" variant="body2" color={record.errorRows || refusedWhole ? 'error' : undefined}>
      {refusedWhole ? translate('app.imports.file_refused') : translate('app.imports.errors', { n: record.errorRows.toLocaleString('ja-JP') })}
    </Typography>
  );
};
