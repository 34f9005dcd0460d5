import { NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { roleChoices } from './userForm';

/** 検索 (name or e-mail), ロール, 有効/無効: the API's q, role and active filters. */
export const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" trueLabel="app.users.active" falseLabel="app.users.inactive" alwaysOn />,
];
