import type React from 'react';
import { Box, Typography } from '@mui/material';
import { AUDIT_ENTITY_TYPE_LABELS } from '@jimukyoku/domain';
import { Link, ReferenceField, TextField, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { isStaffRole } from '../providers/roles';
import { ENTITY_RESOURCES, type DescribedAuditLogRecord } from './auditLog';
import { useAuditLabels } from './useAuditLabels';

const mono = { fontFamily: 'ui-monospace, monospace', fontSize: 12 } as const;

/**
 * 操作: the Japanese name of the action (ユーザー作成; a state change by its transition's label, 採択する),
 * the code itself only for an action no table names; the code as tooltip.
 */
export const ActionField = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<DescribedAuditLogRecord>();
  const { actionLabel } = useAuditLabels();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" title={record.action} data-testid="audit-action">
      {actionLabel(record.action)}
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
 * 実行者: the staff member's name as the API answers it with the record (an auditor may not read
 * /api/users), linked to the account for those who may edit accounts (admin), and the role they had.
 */
export const ActorField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<DescribedAuditLogRecord>();
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
        <ReferenceField source="actorId" reference="users" link="edit">
          <Typography component="span" variant="body2" data-testid="actor-name">
            {record.actorName ?? ''}
          </Typography>
        </ReferenceField>
      ) : (
        <Typography component="span" variant="body2" title={record.actorId} data-testid="actor-name">
          {record.actorName ?? translate('app.audit.unknown_actor')}
        </Typography>
      )}
      <RoleLabel role={record.actorRole} />
    </Box>
  );
};

/**
 * 対象: the kind of record (ユーザー, 公募回, ...) and its label as the API describes it (受付番号 and
 * 事業者名, a name), linked when this user may open it; the id only for a record without a label
 * (gone, or a kind without names), and as the tooltip.
 */
export const EntityField = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<DescribedAuditLogRecord>();
  const createPath = useCreatePath();
  const target = record?.entityType ? ENTITY_RESOURCES[record.entityType] : undefined;
  const { canAccess } = useCanAccess({ resource: target?.resource ?? '', action: target?.page ?? 'show', enabled: !!target });
  if (!record?.entityType) return null;
  const label = Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_TYPE_LABELS, record.entityType)
    ? AUDIT_ENTITY_TYPE_LABELS[record.entityType]
    : record.entityType;
  const id = record.entityId ?? '';
  const text = record.entityLabel ?? id;
  const sx = record.entityLabel ? undefined : mono;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.75, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Typography component="span" variant="body2">
        {label}
      </Typography>
      {target && canAccess && id ? (
        <Link to={createPath({ resource: target.resource, id, type: target.page })} onClick={(e: React.MouseEvent) => e.stopPropagation()} sx={sx} title={id}>
          {text}
        </Link>
      ) : (
        <Typography component="span" variant="body2" sx={sx} title={id}>
          {text}
        </Typography>
      )}
    </Box>
  );
};

/** 状態: fromStatus → toStatus by their labels in the workflow definitions (審査中 → 採択); empty for other actions. */
export const StatusChangeField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<DescribedAuditLogRecord>();
  const { stateLabel } = useAuditLabels();
  if (!record || (!record.fromStatus && !record.toStatus)) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} title={`${record.fromStatus ?? '-'} → ${record.toStatus ?? '-'}`}>
      {stateLabel(record.fromStatus) || '-'} → {stateLabel(record.toStatus) || '-'}
    </Typography>
  );
};

export const ReasonField = (props: { label?: string; sortable?: boolean }) => <TextField source="reason" {...props} />;
