import { CreateButton, Datagrid, FunctionField, List, ReferenceField, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedDeleteButton, JstDateField } from '../common';

const RevokeConflict = () => {
  const r = useRecordContext<{ revokedAt: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'conflicts-of-interest', action: 'delete' });
  if (!r || r.revokedAt || !canAccess) return null;
  return <ConfirmedDeleteButton label="app.review.board.revoke" redirect={false} />;
};

const Kind = (_props: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField source="kind" render={(r: { kind: string }) => translate(`resources.conflicts-of-interest.kinds.${r.kind}`)} />;
};

/** 利益相反: declarations (a reviewer sees their own), newest first; a manager revokes. */
export const ConflictList = () => {
  // a reviewer sees only their own declarations and cannot read the reviewer pool
  const { canAccess: seesPool } = useCanAccess({ resource: 'reviewers', action: 'list' });
  return (
    <List
      sort={{ field: 'declaredAt', order: 'DESC' }}
      perPage={50}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="conflicts">
        {seesPool && (
          <ReferenceField source="reviewerId" reference="reviewers" link={false} sortable={false} emptyText="-">
            <TextField source="name" />
          </ReferenceField>
        )}
        <Kind label="resources.conflicts-of-interest.fields.kind" />
        <TextField source="value" sortable={false} />
        <TextField source="note" sortable={false} emptyText="-" />
        <JstDateField source="declaredAt" />
        <JstDateField source="revokedAt" sortable={false} emptyText="-" />
        <RevokeConflict />
      </Datagrid>
    </List>
  );
};
