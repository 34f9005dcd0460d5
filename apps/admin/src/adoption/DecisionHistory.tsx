import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatScore, formatYen } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { formatJst } from '../common';
import type { AdoptionDecision } from '../review/types';

/** 確定した採択判定 of the round, newest first. */
export const DecisionHistory = ({ decisions, categoryName }: { decisions: AdoptionDecision[]; categoryName: (id: string) => string }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.review.simulator.${k}`);
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 3 }}>
        {t('decisions')}
      </Typography>
      {decisions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('no_decisions')}
        </Typography>
      ) : (
        <Table size="small" data-testid="decisions">
          <TableHead>
            <TableRow>
              <TableCell>{t('committed_at')}</TableCell>
              <TableCell>{t('category')}</TableCell>
              <TableCell align="right">{t('budget')}</TableCell>
              <TableCell align="right">{t('adopted')}</TableCell>
              <TableCell align="right">{t('waitlisted')}</TableCell>
              <TableCell align="right">{t('rejected')}</TableCell>
              <TableCell align="right">{t('adopted_amount')}</TableCell>
              <TableCell align="right">{t('cutoff')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {decisions.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{formatJst(d.committedAt)}</TableCell>
                <TableCell>{categoryName(d.categoryId)}</TableCell>
                <TableCell align="right">{d.budget === null ? '-' : formatYen(Number(d.budget))}</TableCell>
                <TableCell align="right">{d.adoptedCount}</TableCell>
                <TableCell align="right">{d.waitlistedCount}</TableCell>
                <TableCell align="right">{d.rejectedCount}</TableCell>
                <TableCell align="right">{formatYen(Number(d.adoptedAmount))}</TableCell>
                <TableCell align="right">{formatScore(d.cutoffScore === null ? null : Number(d.cutoffScore))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
};
