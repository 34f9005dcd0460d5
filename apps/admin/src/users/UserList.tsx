import { BooleanField, Datagrid, List, SelectField, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { userFilters } from './userFilters';
import { roleChoices, type StaffUserRecord } from './userForm';

/** 職員アカウント: inactive accounts stay listed (dimmed); the API sorts by these columns only. */
export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false} rowSx={(record: StaffUserRecord) => (record.active ? {} : { opacity: 0.55 })}>
      <TextField source="name" />
      <TextField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <TextField source="organisation" emptyText="-" />
      <BooleanField source="active" />
      <JstDateField source="lastLoginAt" emptyText="-" />
    </Datagrid>
  </List>
);
