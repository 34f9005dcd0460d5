import { ReferenceInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { notificationStatusChoices, templateChoices } from './notification';

/** 検索 (宛先・件名, and the 申請の事業者名・受付番号 normalised), 状態 (several at once), テンプレート (by name) and 公募回 (programme and round; also set from 送信の進捗). */
export const notificationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={notificationStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="template" source="template" choices={templateChoices} alwaysOn sx={{ minWidth: 180 }} />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="title" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];
