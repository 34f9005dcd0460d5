import { ReferenceInput, SearchInput, SelectInput } from 'react-admin';

export const assignmentFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="title" label="app.review.board.round" />
  </ReferenceInput>,
  <SelectInput
    key="purpose"
    source="purpose"
    alwaysOn
    choices={(['review', 'formalCheck'] as const).map((id) => ({ id, name: `app.review.purpose.${id}` }))}
  />,
  <SelectInput
    key="state"
    source="state"
    alwaysOn
    choices={(['open', 'overdue', 'waiting', 'submitted', 'revoked'] as const).map((id) => ({ id, name: `app.review.assignment_state.${id}` }))}
  />,
  <ReferenceInput key="reviewerId" source="reviewerId" reference="reviewers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];
