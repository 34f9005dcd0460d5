import { useEffect, useMemo } from 'react';
import { DateInput, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, useGetOne, useListContext, type SelectArrayInputProps } from 'react-admin';
import type { RoundRecord } from '../rounds/round';
import { useWorkflowStates } from '../workflows/useWorkflowStates';
import { prefectureChoices, sizeClassChoices } from './application';

/** 状態: every state of the registered workflows with its Japanese label, from GET /api/workflows. */
const StatusFilterInput = (props: Omit<SelectArrayInputProps, 'choices'>) => {
  const { choices, isPending } = useWorkflowStates();
  return <SelectArrayInput {...props} choices={choices} isPending={isPending} />;
};

/**
 * 類型: once a 公募回 is chosen, only the 類型 that round offers (a 類型 chosen before that the new round
 * does not offer is dropped); every 類型 otherwise.
 */
const CategoryFilterInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const roundId = typeof filterValues.roundId === 'string' ? filterValues.roundId : undefined;
  const { data: round } = useGetOne<RoundRecord>('rounds', { id: roundId ?? '' }, { enabled: !!roundId });
  const offered = useMemo(() => (roundId ? round?.categories.map((c) => c.categoryId) : undefined), [roundId, round]);
  const categoryId = filterValues.categoryId;
  useEffect(() => {
    if (offered && categoryId && !offered.includes(categoryId)) {
      const { categoryId: _dropped, ...rest } = filterValues;
      setFilters(rest, displayedFilters);
    }
  }, [offered, categoryId, filterValues, setFilters, displayedFilters]);
  return (
    <ReferenceInput
      {...props}
      reference="categories"
      sort={{ field: 'code', order: 'ASC' }}
      perPage={200}
      filter={offered ? { id: offered.length ? offered : ['00000000-0000-0000-0000-000000000000'] } : {}}
      enableGetChoices={() => !roundId || !!offered}
    >
      <SelectInput optionText="name" label="resources.applications.fields.categoryId" />
    </ReferenceInput>
  );
};

/**
 * 公募回, 類型, 状態 (several at once), 都道府県, 規模, 検索 (事業者名・法人番号・受付番号) and the 受付日 as JST days
 * (the data provider makes them +09:00 day boundaries; the dashboard's intake chart links a day).
 */
export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="title" label="resources.applications.fields.roundId" />
  </ReferenceInput>,
  <StatusFilterInput key="status" source="status" alwaysOn sx={{ minWidth: 200 }} />,
  <CategoryFilterInput key="categoryId" source="categoryId" alwaysOn />,
  <SelectInput key="prefecture" source="prefecture" choices={prefectureChoices} />,
  <SelectInput key="sizeClass" source="sizeClass" choices={sizeClassChoices} />,
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
];
