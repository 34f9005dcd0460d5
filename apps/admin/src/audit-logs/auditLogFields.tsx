import type React from 'react';
import { Box, Typography } from '@mui/material';
import { Link, ReferenceField, TextField, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { isStaffRole } from '../providers/roles';
import { ENTITY_RESOURCES, type AuditLogRecord } from './auditLog';

const mono = { fontFamily: 'ui-monospace, monospace', fontSize: 12 } as const;

/** 操作: the Japanese name of a known action (ユーザー作成), the code itself otherwise; the code as tooltip. */
export const ActionField = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<AuditLogRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" title={record.action} data-testid="audit-action">
      {translate(`app.audit.actions.${record.action}`, { _: record.action })}
    </Typography>
  );
};

const RoleLabel = ({ role }: { role: string | null }) => {
  const translate = useTranslate();
  if (!role) return null;
  return (
    <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
      ({isStaffRole(role) ? translate(`app.roles.${role}`) : role})
    </Typography>
  );
};

/**
 * 実行者: the staff member's name linked to the account for those who may read accounts (admin);
 * an auditor may not read /api/users, so it sees the id (and the role the actor had) instead of a
 * reference that would only collect 403s.
 */
export const ActorField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<AuditLogRecord>();
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'edit' });
  if (!record) return null;
  if (!record.actorId)
    return (
      <Typography variant="body2" component="span">
        {translate('app.common.system')}
      </Typography>
    );
  if (isPending) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'baseline', flexWrap: 'wrap' }}>
      {canAccess ? (
        <ReferenceField source="actorId" reference="users" link="edit" />
      ) : (
        <Typography component="span" sx={mono} data-testid="actor-id">
          {record.actorId}
        </Typography>
      )}
      <RoleLabel role={record.actorRole} />
    </Box>
  );
};

/** 対象: the kind of record (ユーザー, 公募回, ...) and its id, linked when this user may open it. */
export const EntityField = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<AuditLogRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const target = record?.entityType ? ENTITY_RESOURCES[record.entityType] : undefined;
  const { canAccess } = useCanAccess({ resource: target?.resource ?? '', action: target?.page ?? 'show', enabled: !!target });
  if (!record?.entityType) return null;
  const label = translate(`app.audit.entity_types.${record.entityType}`, { _: record.entityType });
  const id = record.entityId ?? '';
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.75, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Typography component="span" variant="body2">
        {label}
      </Typography>
      {target && canAccess && id ? (
        <Link to={createPath({ resource: target.resource, id, type: target.page })} onClick={(e: React.MouseEvent) => e.stopPropagation()} sx={mono}>
          {id}
        </Link>
      ) : (
        <Typography component="span" sx={mono}>
          {id}
        </Typography>
      )}
    </Box>
  );
};

/** 状態: fromStatus → toStatus (workflow transitions); empty for other actions. */
export const StatusChangeField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<AuditLogRecord>();
  if (!record || (!record.fromStatus && !record.toStatus)) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {record.fromStatus ?? '-'} → {record.toStatus ?? '-'}
    </Typography>
  );
};

export const ReasonField = (props: { label?: string; sortable?: boolean }) => <TextField source="reason" {...props} />;
