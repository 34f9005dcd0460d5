import { ReferenceInput, SearchInput, SelectArrayInput, SelectInput, type SelectArrayInputProps } from 'react-admin';
import { useWorkflowStates } from '../workflows/useWorkflowStates';
import { prefectureChoices, sizeClassChoices } from './application';

/** 状態: every state of the registered workflows with its Japanese label, from GET /api/workflows. */
const StatusFilterInput = (props: Omit<SelectArrayInputProps, 'choices'>) => {
  const { choices, isPending } = useWorkflowStates();
  return <SelectArrayInput {...props} choices={choices} isPending={isPending} />;
};

/** 公募回, 類型, 状態 (several at once), 都道府県, 規模 and 検索 (事業者名・法人番号・受付番号). */
export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" label="resources.applications.fields.roundId" />
  </ReferenceInput>,
  <StatusFilterInput key="status" source="status" alwaysOn sx={{ minWidth: 200 }} />,
  <ReferenceInput key="categoryId" source="categoryId" reference="categories" sort={{ field: 'code', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" label="resources.applications.fields.categoryId" />
  </ReferenceInput>,
  <SelectInput key="prefecture" source="prefecture" choices={prefectureChoices} />,
  <SelectInput key="sizeClass" source="sizeClass" choices={sizeClassChoices} />,
];
