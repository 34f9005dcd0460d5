import { APPLICATION_TRANSITION_ACTION_PREFIX, AUDIT_ACTION_LABELS } from '@jimukyoku/domain';
import { useMemo } from 'react';
import { DateInput, SelectInput, TextInput, useGetList, useTranslate } from 'react-admin';
import type { WorkflowRecord } from '../workflows/workflowStates';
import { entityTypeChoices } from './auditLog';

/**
 * 操作 by name: every action of AUDIT_ACTION_LABELS, 申請の状態変更 (all of them: the API matches a prefix)
 * and each transition of the registered workflows by its label. The value sent is the action code.
 */
const ActionFilterInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList<WorkflowRecord>(
    'workflows',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'registered', order: 'ASC' }, filter: {} },
    { staleTime: Infinity, gcTime: Infinity },
  );
  const choices = useMemo(() => {
    const transitions = new Map<string, string>();
    for (const w of data) for (const t of w.transitions) if (!transitions.has(t.name)) transitions.set(t.name, t.label);
    return [
      { id: APPLICATION_TRANSITION_ACTION_PREFIX, name: translate('app.audit.all_transitions') },
      ...[...transitions].map(([name, label]) => ({
        id: `${APPLICATION_TRANSITION_ACTION_PREFIX}${name}`,
        name: `${translate('app.audit.transition')}: ${label}`,
      })),
      ...Object.entries(AUDIT_ACTION_LABELS).map(([id, name]) => ({ id, name })),
    ];
  }, [data, translate]);
  return <SelectInput {...props} choices={choices} sx={{ minWidth: 220 }} />;
};

/**
 * 操作 (by name; 申請の状態変更 finds every transition), 対象 and its id, and a JST date range: the data
 * provider turns occurredFrom/occurredTo days into +09:00 day boundaries (the To day included).
 */
export const auditLogFilters = [
  <ActionFilterInput key="action" source="action" alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <DateInput key="occurredFrom" source="occurredFrom" alwaysOn />,
  <DateInput key="occurredTo" source="occurredTo" alwaysOn />,
];
