import { CreateButton, Datagrid, List, TextField, TopToolbar } from 'react-admin';
import { JstDateField } from '../common';
import { IntakeChannelStateChip } from './IntakeChannelStateChip';
import { RevokeChannelButton } from './RevokeChannelButton';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** 受付窓口 and their API keys (only the first characters are known), newest first. */
export const IntakeChannelList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} actions={<Actions />} exporter={false}>
    <Datagrid rowClick={false} bulkActionButtons={false} data-testid="intake-channels">
      <TextField source="name" />
      <TextField source="keyPrefix" sortable={false} sx={{ fontFamily: 'ui-monospace, monospace' }} />
      <JstDateField source="createdAt" />
      <JstDateField source="revokedAt" emptyText="-" />
      <JstDateField source="lastUsedAt" emptyText="-" sortable={false} />
      <IntakeChannelStateChip label="resources.intake-channels.fields.state" sortable={false} />
      <RevokeChannelButton label="" />
    </Datagrid>
  </List>
);
