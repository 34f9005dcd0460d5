import { alpha, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatJst } from '../common';

const QUEUE = { page: 1, perPage: 10 };
const SORT = { field: 'dueAt', order: 'ASC' as const };

interface QueuedSheet {
  id: string;
  receiptNumber: string | null;
  applicantName: string;
  dueAt: string | null;
}

/**
 * The reviewer's next score sheets still to submit, nearest due date first, each opening its 採点票; those past
 * their due date are marked 期限超過 in red (the API's `overdue` state: due, not submitted).
 */
export const MyReviewQueue = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.dashboard.my_work.${k}`, o);
  const { data = [], isPending } = useGetList<QueuedSheet>('score-sheets', { filter: { state: 'open' }, pagination: QUEUE, sort: SORT });
  // the current time only decides the red mark (the list itself is the API's)
  const now = Date.now();
  if (isPending) return null;
  if (data.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ mt: 2 }} data-testid="my-queue-empty">
        {t('queue_empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" sx={{ mt: 2 }} data-testid="my-queue">
      <TableHead>
        <TableRow>
          <TableCell>{t('receipt_number')}</TableCell>
          <TableCell>{t('applicant')}</TableCell>
          <TableCell>{t('due_at')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((s) => {
          const overdue = s.dueAt !== null && Date.parse(s.dueAt) < now;
          return (
            <TableRow
              key={s.id}
              hover
              data-testid="my-queue-row"
              data-overdue={overdue ? 'true' : 'false'}
              sx={overdue ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.08), '& td': { color: 'error.main' } } : undefined}
            >
              <TableCell>
                <Link to={`/score-sheets/${s.id}`}>{s.receiptNumber ?? '-'}</Link>
              </TableCell>
              <TableCell>{s.applicantName}</TableCell>
              <TableCell>{s.dueAt ? formatJst(s.dueAt) : '-'}</TableCell>
              <TableCell>{overdue && <Chip size="small" color="error" label={t('overdue')} />}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
