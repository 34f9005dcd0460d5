import { SearchInput, SelectArrayInput, TextInput } from 'react-admin';
import { notificationStatusChoices } from './notification';

/** 検索 (宛先・件名), 状態 (several at once) and テンプレート (its code, e.g. received). */
export const notificationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={notificationStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="template" source="template" alwaysOn />,
];
