import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { SIZE_CLASS_LABELS, formatScore, formatYen } from '@jimukyoku/domain';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { CommittedRankingEntry, RankingEntry } from '../review/types';
import { OutcomeChip } from './OutcomeChip';

const SHOWN = 300;

/**
 * The ranked applications: the first 300 ranks of all `total` (the export has them all). A decision committed
 * before its 審査点 and 加点 were kept shows them as -.
 */
export const RankingTable = ({ entries, total }: { entries: (RankingEntry | CommittedRankingEntry)[]; total: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const t = (k: string) => translate(`app.review.simulator.${k}`);
  return (
    <>
      <Table size="small" data-testid="ranking">
        <TableHead>
          <TableRow>
            <TableCell align="right">{t('rank')}</TableCell>
            <TableCell>{translate('resources.score-sheets.fields.receiptNumber')}</TableCell>
            <TableCell>{translate('resources.score-sheets.fields.applicantName')}</TableCell>
            <TableCell align="right">{t('final_score')}</TableCell>
            <TableCell align="right">{t('mean')}</TableCell>
            <TableCell align="right">{t('bonus')}</TableCell>
            <TableCell align="right">{t('quoted_amount')}</TableCell>
            <TableCell>{t('prefecture')}</TableCell>
            <TableCell>{t('size_class')}</TableCell>
            <TableCell>{t('outcome')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.slice(0, SHOWN).map((e) => (
            <TableRow key={e.applicationId} data-outcome={e.outcome}>
              <TableCell align="right">{e.rank}</TableCell>
              <TableCell>
                <Link to={createPath({ resource: 'applications', id: e.applicationId, type: 'show' })}>{e.receiptNumber ?? '-'}</Link>
              </TableCell>
              <TableCell>
                {e.applicantName}
                {'disagreement' in e && e.disagreement ? ` (${translate('app.review.reviews.disagreement')})` : ''}
              </TableCell>
              <TableCell align="right">{formatScore(e.finalScore)}</TableCell>
              <TableCell align="right">{e.mean === null ? '-' : formatScore(e.mean)}</TableCell>
              <TableCell align="right">{e.bonus === null ? '-' : formatScore(e.bonus)}</TableCell>
              <TableCell align="right">{formatYen(e.quotedAmount)}</TableCell>
              <TableCell>{e.prefecture}</TableCell>
              <TableCell>{(SIZE_CLASS_LABELS as Record<string, string>)[e.sizeClass] ?? e.sizeClass}</TableCell>
              <TableCell>
                <OutcomeChip outcome={e.outcome} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > Math.min(SHOWN, entries.length) && (
        <Typography variant="caption" color="text.secondary">{`… ${total - Math.min(SHOWN, entries.length)}件`}</Typography>
      )}
    </>
  );
};
