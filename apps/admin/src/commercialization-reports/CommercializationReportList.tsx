import { Datagrid, FunctionField, List, NumberField, SelectInput, TextField, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router';
import { CalendarDateField, JstDateField } from '../common';

const STATES = ['overdue', 'open', 'reported'] as const;

const StateFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      label={translate('resources.commercialization-reports.fields.state')}
      choices={STATES.map((id) => ({ id, name: translate(`resources.commercialization-reports.states.${id}`) }))}
    />
  );
};

/**
 * 事業化状況報告 (docs/post-award.md "事業化状況報告の予定"): the yearly reports due after the 額の確定, by default those
 * overdue (due date passed in JST, not filed, the application still running), for the managers to follow up.
 */
export const CommercializationReportList = () => (
  <List
    filters={[<StateFilter key="state" source="state" alwaysOn />]}
    filterDefaultValues={{ state: 'overdue' }}
    sort={{ field: 'dueDate', order: 'ASC' }}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="commercialization-reports">
      <CalendarDateField source="dueDate" />
      <NumberField source="sequence" />
      <FunctionField
        source="receiptNumber"
        sortable={false}
        render={(r: RaRecord) => <Link to={`/applications/${r.applicationId}/show`}>{r.receiptNumber ?? r.applicationId}</Link>}
      />
      <TextField source="applicantName" sortable={false} />
      <TextField source="roundName" sortable={false} />
      <JstDateField source="reportedAt" />
      <JstDateField source="remindedAt" sortable={false} />
    </Datagrid>
  </List>
);
