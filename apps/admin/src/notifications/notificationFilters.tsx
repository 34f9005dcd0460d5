import { ReferenceInput, SearchInput, SelectArrayInput, SelectInput, TextInput } from 'react-admin';
import { notificationStatusChoices } from './notification';

/** 検索 (宛先・件名), 状態 (several at once), テンプレート (its code, e.g. received) and 公募回 (also set from 送信の進捗). */
export const notificationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={notificationStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="template" source="template" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 180 }} />
  </ReferenceInput>,
];
