import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { auditActionLabel } from '@jimukyoku/domain';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatJst } from '../common';
import { useAuditLabels } from '../audit-logs/useAuditLabels';
import { isStaffRole } from '../providers/roles';
import { stateLabels, type RoundWorkflow } from '../rounds/workflow';
import type { ApplicationRecord } from './application';

const t = (key: string) => `app.applications.timeline.${key}`;

/**
 * 履歴: the application's audit records, oldest first, in JST to the second: what was done (the
 * transition's Japanese label from the round's workflow, other actions from libs/domain's
 * AUDIT_ACTION_LABELS), by whom (name and role), 状態 from → to, and why.
 */
export const TimelineView = ({ workflow }: { workflow: RoundWorkflow | undefined }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  // until the round's workflow is loaded (or for a role that cannot read it), the registered workflows' labels
  const { actionLabel: anyAction, stateLabel: anyState } = useAuditLabels();
  const timeline = record?.timeline ?? [];
  if (!record) return null;
  if (timeline.length === 0) return <Typography variant="body2">{translate(t('empty'))}</Typography>;
  const roundState = stateLabels(workflow);
  const label = (code: string | null) => (workflow ? roundState(code) : anyState(code));
  const transitionLabels = new Map((workflow?.definition.transitions ?? []).map((x) => [x.name, x.label]));
  const actionLabel = (action: string) =>
    transitionLabels.size ? (auditActionLabel(action, (name) => transitionLabels.get(name)) ?? action) : anyAction(action);
  const roleLabel = (role: string | null) =>
    !role
      ? translate('app.common.system')
      : isStaffRole(role)
        ? translate(`app.roles.${role}`)
        : translate(`app.applications.actor_roles.${role}`, { _: role });
  return (
    <Table size="small" data-testid="timeline" sx={{ maxWidth: 1100 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(t('occurredAt'))}</TableCell>
          <TableCell>{translate(t('action'))}</TableCell>
          <TableCell>{translate(t('actor'))}</TableCell>
          <TableCell>{translate(t('change'))}</TableCell>
          <TableCell>{translate(t('reason'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {timeline.map((entry) => (
          <TableRow key={entry.id} data-testid="timeline-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatJst(entry.occurredAt)}</TableCell>
            <TableCell title={entry.action}>{actionLabel(entry.action)}</TableCell>
            <TableCell>{entry.actorName ? `${entry.actorName} (${roleLabel(entry.actorRole)})` : roleLabel(entry.actorRole)}</TableCell>
            <TableCell>{entry.fromStatus || entry.toStatus ? `${label(entry.fromStatus) || '-'} → ${label(entry.toStatus) || '-'}` : '-'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{entry.reason ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
