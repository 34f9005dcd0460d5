import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Chip, LinearProgress, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { Datagrid, List, TextField, useListContext, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { JstDateField } from '../common';
import { download } from '../providers';
import { isActive, isDownloadable, progressPercent, type ApplicationExportRecord } from './applicationExport';

const COLOR = { queued: 'default', running: 'info', done: 'success', failed: 'error', expired: 'default' } as const;

const StatusChip = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<ApplicationExportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLOR[record.status] ?? 'default'}
      label={translate(`app.exports.statuses.${record.status}`, { _: record.status })}
      title={record.message ?? undefined}
      data-testid="export-status"
    />
  );
};

const Format = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<ApplicationExportRecord>();
  const translate = useTranslate();
  return record ? <span>{translate(`app.exports.formats.${record.format}`)}</span> : null;
};

/** processedRows / totalRows as a bar while the worker writes the file. */
const Progress = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ApplicationExportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 160 }} data-testid="export-progress">
      <LinearProgress
        variant="determinate"
        value={progressPercent(record)}
        color={record.status === 'failed' ? 'error' : record.status === 'done' ? 'success' : 'primary'}
      />
      <Typography variant="caption" color="text.secondary">
        {record.processedRows.toLocaleString('ja-JP')} / {translate('app.exports.rows', { n: record.totalRows.toLocaleString('ja-JP') })}
      </Typography>
    </Box>
  );
};

/** The stored file of a finished job (GET /api/application-exports/:id/content, with the bearer token). */
const DownloadLink = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ApplicationExportRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  if (!record) return null;
  if (record.delivery === 'direct') {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.exports.delivered_directly')}
      </Typography>
    );
  }
  if (!isDownloadable(record)) return null;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      data-testid="export-download"
      onClick={(e) => {
        e.stopPropagation();
        download(`/application-exports/${record.id}/content`, record.fileName).catch((error: Error) => notify(error.message, { type: 'error' }));
      }}
    >
      {translate('app.exports.download')}
    </Button>
  );
};

/** Asks again every 2 s while an export on the page is queued or being written, and stops when none is. */
const Refresher = ({ children }: { children: ReactNode }) => {
  const { data, refetch } = useListContext<ApplicationExportRecord>();
  const active = (data ?? []).some(isActive);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [active, refetch]);
  return <>{children}</>;
};

/** エクスポート: one's own exports of the 申請 list (a manager's: everyone's), newest first, with progress and download. */
export const ApplicationExportList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={false}>
    <Refresher>
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="application-exports">
        <JstDateField source="createdAt" />
        <TextField source="fileName" sortable={false} />
        <Format label="resources.application-exports.fields.format" sortBy="format" />
        <StatusChip label="resources.application-exports.fields.status" sortBy="status" />
        <Progress label="resources.application-exports.fields.progress" sortable={false} />
        <JstDateField source="finishedAt" sortable={false} emptyText="-" />
        <DownloadLink label="resources.application-exports.fields.content" sortable={false} />
      </Datagrid>
    </Refresher>
  </List>
);
