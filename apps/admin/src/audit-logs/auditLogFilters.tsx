import { DateInput, SelectInput, TextInput } from 'react-admin';
import { entityTypeChoices } from './auditLog';

/**
 * 操作 (prefix: "user." finds every account change), 対象 and its id, and a JST date range: the data
 * provider turns occurredFrom/occurredTo days into +09:00 day boundaries (the To day included).
 */
export const auditLogFilters = [
  <TextInput key="action" source="action" alwaysOn helperText="app.audit.action_help" />,
  <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <DateInput key="occurredFrom" source="occurredFrom" alwaysOn />,
  <DateInput key="occurredTo" source="occurredTo" alwaysOn />,
];
