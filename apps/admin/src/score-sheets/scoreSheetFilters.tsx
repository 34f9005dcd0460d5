import { SearchInput, SelectInput } from 'react-admin';

const STATES = ['open', 'overdue', 'submitted', 'revoked'] as const;

export const scoreSheetFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" alwaysOn choices={STATES.map((id) => ({ id, name: `app.review.assignment_state.${id}` }))} />,
];
