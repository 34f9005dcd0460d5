import { useEffect, type ReactNode } from 'react';
import { CreateButton, Datagrid, List, ReferenceField, SelectField, TextField, TopToolbar, useListContext } from 'react-admin';
import { JstDateField } from '../common';
import { ErrorCount, ImportedCount, ImportProgress, ImportStatusChip } from './ImportFields';
import { isActive, modeChoices, type ImportRecord } from './importRecord';
import { TemplateLinks } from './TemplateLinks';

const Actions = () => (
  <TopToolbar>
    <TemplateLinks />
    <CreateButton />
  </TopToolbar>
);

const Grid = () => (
  <Datagrid rowClick="show" bulkActionButtons={false} data-testid="imports">
    <TextField source="fileName" />
    <ReferenceField source="roundId" reference="rounds" link={false} sortable={false} />
    <SelectField source="mode" choices={modeChoices} sortable={false} />
    <ImportStatusChip label="resources.imports.fields.status" sortBy="status" />
    <ImportProgress label="resources.imports.fields.progress" sortable={false} />
    <ImportedCount label="resources.imports.fields.importedRows" sortable={false} />
    <ErrorCount label="resources.imports.fields.errorRows" sortable={false} />
    <JstDateField source="createdAt" />
  </Datagrid>
);

/** Asks again every 2 s while an import on the page is queued or running, and stops when none is. */
const Refresher = ({ children }: { children: ReactNode }) => {
  const { data, refetch } = useListContext<ImportRecord>();
  const active = (data ?? []).some(isActive);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [active, refetch]);
  return <>{children}</>;
};

/** 一括取込, newest first, with progress that follows the worker. */
export const ImportList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} actions={<Actions />} exporter={false}>
    <Refresher>
      <Grid />
    </Refresher>
  </List>
);
