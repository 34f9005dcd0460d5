import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ReferenceField, RecordContextProvider, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { formatJst } from '../common';
import type { ApplicationRecord } from './application';

const a = (key: string) => `app.applications.assignments.${key}`;

/**
 * 審査員: the reviewers assigned to the application (要件確認 or 書面審査), by the name the API answers with each assignment,
 * linked to the account for those who may edit accounts (admin); one's own assignment marked.
 */
export const AssignmentsView = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess: canReadUsers } = useCanAccess({ resource: 'users', action: 'edit' });
  const assignments = record?.assignments ?? [];
  if (!record) return null;
  if (assignments.length === 0) return <Typography variant="body2">{translate(a('empty'))}</Typography>;
  return (
    <Table size="small" data-testid="assignments" sx={{ maxWidth: 1000 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(a('reviewer'))}</TableCell>
          <TableCell>{translate(a('purpose'))}</TableCell>
          <TableCell>{translate(a('assignedAt'))}</TableCell>
          <TableCell>{translate(a('dueAt'))}</TableCell>
          <TableCell>{translate(a('submittedAt'))}</TableCell>
          <TableCell>{translate(a('revokedAt'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {assignments.map((x) => (
          <TableRow key={x.id} sx={x.revokedAt ? { opacity: 0.55 } : undefined}>
            <TableCell>
              {canReadUsers ? (
                <RecordContextProvider value={x}>
                  <ReferenceField source="reviewerId" reference="users" link="edit">
                    <span>{x.reviewerName ?? ''}</span>
                  </ReferenceField>
                </RecordContextProvider>
              ) : (
                `${x.reviewerName ?? ''}${identity?.id === x.reviewerId ? ` (${translate('app.applications.assignments.you')})` : ''}`
              )}
            </TableCell>
            {/* a 要件確認 and a 書面審査 of one reviewer are two rows: the kind tells them apart */}
            <TableCell>{translate(`app.review.purpose.${x.purpose ?? 'review'}`)}</TableCell>
            <TableCell>{formatJst(x.assignedAt) || '-'}</TableCell>
            <TableCell>{formatJst(x.dueAt) || '-'}</TableCell>
            <TableCell>{formatJst(x.submittedAt) || '-'}</TableCell>
            <TableCell>{formatJst(x.revokedAt) || '-'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
