import { CreateButton, Datagrid, List, NumberField, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { CalendarDateField, JstDateField, YenField } from '../common';
import { BatchStatusChip } from './StatusChip';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const StatusFilter = () => {
  const translate = useTranslate();
  return (
    <SelectInput
      source="status"
      alwaysOn
      choices={(['open', 'paid', 'cancelled'] as const).map((id) => ({ id, name: translate(`app.payment_batches.statuses.${id}`) }))}
    />
  );
};

/** 支払バッチの一覧: 公募回, 振込指定日, 件数, 合計, 状態. */
export const PaymentBatchList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />} filters={[<StatusFilter key="status" />]} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="roundName" sortable={false} />
      <CalendarDateField source="transferDate" />
      <NumberField source="totalCount" sortable={false} />
      <YenField source="totalAmount" />
      <BatchStatusChip label="resources.payment-batches.fields.status" />
      <CalendarDateField source="paidOn" sortable={false} />
      <JstDateField source="createdAt" />
    </Datagrid>
  </List>
);
