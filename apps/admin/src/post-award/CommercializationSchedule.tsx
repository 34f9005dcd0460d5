import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatCalendarDate, formatJst } from '../common/jst';
import type { PostAward } from './postAward';

/** Today's date in JST (YYYY-MM-DD), for marking a report overdue as the API's list does. */
const todayJst = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The five yearly 事業化状況報告 due after the 額の確定 (docs/post-award.md "事業化状況報告の予定"), filed or not. */
export const CommercializationSchedule = ({ data }: { data: PostAward }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.post_award.commercialization.${k}`);
  const reports = data.commercializationReports ?? [];
  if (!reports.length) return null;
  const today = todayJst();
  return (
    <Box component="section" sx={{ mt: 3 }} data-testid="commercialization-schedule">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('sequence')}</TableCell>
            <TableCell>{t('due_date')}</TableCell>
            <TableCell>{t('reported_at')}</TableCell>
            <TableCell>{t('reminded_at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {reports.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.sequence}</TableCell>
              <TableCell>{formatCalendarDate(r.dueDate)}</TableCell>
              <TableCell>
                {r.reportedAt ? (
                  formatJst(r.reportedAt)
                ) : data.reportingEnded ? (
                  t('not_due')
                ) : r.dueDate < today ? (
                  <Chip size="small" color="error" label={t('overdue')} />
                ) : (
                  t('not_yet')
                )}
              </TableCell>
              <TableCell>{r.remindedAt ? formatJst(r.remindedAt) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
