import { useEffect } from 'react';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import { JstDateField } from '../common';
import { ErrorCount, ImportedCount, ImportProgress, ImportStatusChip } from './ImportFields';
import { isActive, modeChoices, type ImportRecord } from './importRecord';

/** Reloads the record every 2 s while the worker is on it. */
const FollowProgress = () => {
  const { record, refetch } = useShowContext<ImportRecord>();
  const active = isActive(record);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [active, refetch]);
  return null;
};

/** 行, 項目, 内容 of every row the import refused (or would have, for 全件か無しか). */
const RowErrors = () => {
  const record = useRecordContext<ImportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const errors = record.errors ?? [];
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mt: 2, mb: 1 }}>
        {translate('app.imports.error_table')}
      </Typography>
      {errors.length === 0 ? (
        <Typography variant="body2">{translate('app.imports.no_errors')}</Typography>
      ) : (
        <Table size="small" data-testid="import-errors" sx={{ maxWidth: 1000 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.imports.row')}</TableCell>
              <TableCell>{translate('app.imports.field')}</TableCell>
              <TableCell>{translate('app.imports.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {errors.map((e, i) => (
              <TableRow key={`${e.row}-${e.field}-${i}`}>
                <TableCell>{e.row}</TableCell>
                <TableCell>{e.field}</TableCell>
                <TableCell>{e.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
};

const Message = () => {
  const record = useRecordContext<ImportRecord>();
  if (!record?.message) return null;
  return (
    <Alert severity={record.status === 'failed' ? 'error' : 'info'} sx={{ my: 1 }}>
      {record.message}
    </Alert>
  );
};

/** One import: its progress (following the worker) and the row-level report. */
export const ImportShow = () => (
  <Show>
    <FollowProgress />
    <SimpleShowLayout>
      <TextField source="fileName" />
      <ReferenceField source="roundId" reference="rounds" link="show" />
      <SelectField source="mode" choices={modeChoices} />
      <Labeled label="resources.imports.fields.status">
        <ImportStatusChip />
      </Labeled>
      <Labeled label="resources.imports.fields.progress">
        <ImportProgress />
      </Labeled>
      <Labeled label="resources.imports.fields.importedRows">
        <ImportedCount />
      </Labeled>
      <Labeled label="resources.imports.fields.errorRows">
        <ErrorCount />
      </Labeled>
      <JstDateField source="createdAt" />
      <JstDateField source="startedAt" emptyText="-" />
      <JstDateField source="finishedAt" emptyText="-" />
      <Message />
      <RowErrors />
    </SimpleShowLayout>
  </Show>
);
