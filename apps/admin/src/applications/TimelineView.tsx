import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatJst } from '../common';
import { isStaffRole } from '../providers/roles';
import { stateLabels, type RoundWorkflow } from '../rounds/workflow';
import type { ApplicationRecord } from './application';

const t = (key: string) => `app.applications.timeline.${key}`;

/**
 * 履歴: the application's audit records, oldest first, in JST to the second: what was done (the
 * transition's Japanese label from the round's workflow), by which role, 状態 from → to, and why.
 */
export const TimelineView = ({ workflow }: { workflow: RoundWorkflow | undefined }) => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const timeline = record?.timeline ?? [];
  if (!record) return null;
  if (timeline.length === 0) return <Typography variant="body2">{translate(t('empty'))}</Typography>;
  const label = stateLabels(workflow);
  const transitionLabels = new Map((workflow?.definition.transitions ?? []).map((x) => [x.name, x.label]));
  const actionLabel = (action: string) => {
    const name = action.startsWith('application.') ? action.slice('application.'.length) : action;
    return transitionLabels.get(name) ?? translate(`app.audit.actions.${action}`, { _: action });
  };
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
            <TableCell>{roleLabel(entry.actorRole)}</TableCell>
            <TableCell>{entry.fromStatus || entry.toStatus ? `${label(entry.fromStatus) || '-'} → ${label(entry.toStatus) || '-'}` : '-'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{entry.reason ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
