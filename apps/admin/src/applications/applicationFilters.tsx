import { ReferenceInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { prefectureChoices, sizeClassChoices, statusChoices } from './application';

/** 公募回, 類型, 状態 (several at once), 都道府県, 規模 and 検索 (事業者名・法人番号・受付番号). */
export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" label="resources.applications.fields.roundId" />
  </ReferenceInput>,
  <SelectArrayInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <ReferenceInput key="categoryId" source="categoryId" reference="categories" sort={{ field: 'code', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" label="resources.applications.fields.categoryId" />
  </ReferenceInput>,
  <SelectInput key="prefecture" source="prefecture" choices={prefectureChoices} />,
  <SelectInput key="sizeClass" source="sizeClass" choices={sizeClassChoices} />,
];
