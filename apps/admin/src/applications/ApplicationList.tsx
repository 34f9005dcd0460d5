import { Chip } from '@mui/material';
import { Datagrid, FilterButton, List, ReferenceField, SelectField, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { EstimatedTotalPagination, JstDateField, YenField } from '../common';
import { sizeClassChoices, type ApplicationRecord } from './application';
import { applicationFilters } from './applicationFilters';
import { ApplicationStatusChip } from './ApplicationStatusChip';
import { BulkTransitionButton } from './BulkTransitionButton';
import { ExportApplicationsButton } from './ExportApplicationsButton';
import { QuoteTermHeader } from './QuoteTermHeader';

/** 締切延長内: received after 応募締切, inside the round's grace window. */
const InGraceMark = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record?.receivedInGrace) return null;
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('app.applications.in_grace')}
      title={translate('app.applications.in_grace_help')}
      data-testid="in-grace"
    />
  );
};

const ListActions = () => {
  const { canAccess: canExport } = useCanAccess({ resource: 'applications', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canExport && <ExportApplicationsButton />}
    </TopToolbar>
  );
};

/**
 * 申請: everything a person may see (a reviewer only the assigned ones, the API decides), newest
 * receipt first. Managers select rows for a 一括操作. Past LIST_EXACT_COUNT_LIMIT rows the total is the
 * API's estimate, shown as 「約 N 件」.
 */
export const ApplicationList = () => {
  const { canAccess: canBulk } = useCanAccess({ resource: 'applications', action: 'bulk' });
  return (
    <List
      filters={applicationFilters}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      actions={<ListActions />}
      exporter={false}
      pagination={<EstimatedTotalPagination />}
    >
      <Datagrid rowClick="show" bulkActionButtons={canBulk ? <BulkTransitionButton /> : false} data-testid="applications">
        <TextField source="receiptNumber" emptyText="-" sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="applicantName" />
        <ReferenceField source="categoryId" reference="categories" link={false} sortable={false} />
        <TextField source="prefecture" />
        <SelectField source="sizeClass" choices={sizeClassChoices} sortable={false} />
        <YenField source="quotedAmount" label={<QuoteTermHeader />} />
        <ApplicationStatusChip label="resources.applications.fields.status" sortBy="status" />
        <JstDateField source="receivedAt" emptyText="-" />
        <InGraceMark label="resources.applications.fields.receivedInGrace" sortable={false} />
      </Datagrid>
    </List>
  );
};
