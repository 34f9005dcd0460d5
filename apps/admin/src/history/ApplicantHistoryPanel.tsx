import { useEffect, useState } from 'react';
import { Alert, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatYen, type ApplicantHistory } from '@jimukyoku/domain';
import { Link, useCreatePath, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { apiErrorMessage } from '../common';
import { useApi } from '../providers/useApi';

/** GET /api/applications/:id/history, reloaded when the application changes (its version). */
export function useApplicantHistory(id: string | undefined, version: number | undefined) {
  const dataProvider = useApi();
  const [state, setState] = useState<{ key?: string; history?: ApplicantHistory; error?: string }>({});
  const key = id ? `${id}@${version}` : undefined;
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    dataProvider.getApplicationHistory(id).then(
      (history) => !cancelled && setState({ key, history }),
      (error: unknown) => !cancelled && setState({ key, error: apiErrorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, id, key]);
  return state.key === key ? state : {};
}

/**
 * 「申請履歴」 (docs/applicant-history.md): the applicant's other applications across rounds and programmes
 * with their 採択 and amounts, what they were matched by (一致 / 推定一致), and the flags for the reviewer
 * (an expense already subsidised, a second 採択 in overlapping programmes) on top.
 */
export const ApplicantHistoryPanel = () => {
  const record = useRecordContext<RaRecord & { version?: number }>();
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.history.${k}`, o);
  const createPath = useCreatePath();
  const { history, error } = useApplicantHistory(record?.id === undefined ? undefined : String(record.id), record?.version);
  if (!record || (!history && !error)) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="applicant-history">
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
          {t('title')}
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {history && history.bases.length === 0 && (
          <Typography variant="body2" color="text.secondary" data-testid="history-no-key">
            {t('key_none')}
          </Typography>
        )}
        {history && history.bases.length > 0 && (
          <>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
              {history.bases.map((b) => (
                <Chip
                  key={b.basis}
                  size="small"
                  variant="outlined"
                  label={
                    b.basis === 'corporateNumber'
                      ? t('key_corporate', { value: b.value })
                      : b.basis === 'invoiceNumber'
                        ? t('key_invoice', { value: b.value })
                        : t('key_personal')
                  }
                />
              ))}
            </Stack>
            {history.flags.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1 }} data-testid="history-flags">
                <Typography variant="subtitle2">{t('flags')}</Typography>
                {history.flags.map((f, i) => (
                  <Typography variant="body2" key={i} data-testid="history-flag">
                    {f.message}
                  </Typography>
                ))}
              </Alert>
            )}
            {history.entries.length === 0 ? (
              <Typography variant="body2" color="text.secondary" data-testid="history-empty">
                {t('empty')}
              </Typography>
            ) : (
              <Table size="small" data-testid="history-entries">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('columns.receipt')}</TableCell>
                    <TableCell>{t('columns.program')}</TableCell>
                    <TableCell>{t('columns.category')}</TableCell>
                    <TableCell>{t('columns.status')}</TableCell>
                    <TableCell align="right">{t('columns.amount')}</TableCell>
                    <TableCell>{t('columns.match')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {history.entries.map((e, i) => (
                    <TableRow key={e.id ?? i} data-testid="history-entry">
                      <TableCell>
                        {e.id ? (
                          <Link to={createPath({ resource: 'applications', id: e.id, type: 'show' })}>{e.receiptNumber ?? '-'}</Link>
                        ) : (
                          (e.receiptNumber ?? '-')
                        )}
                      </TableCell>
                      <TableCell>
                        {e.programName} {e.roundName}
                      </TableCell>
                      <TableCell>{e.categoryName}</TableCell>
                      <TableCell>
                        {e.statusLabel}
                        {e.adopted && <Chip size="small" color="success" variant="outlined" label={t('adopted')} sx={{ ml: 1 }} />}
                      </TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {formatYen(e.amount)}
                      </TableCell>
                      <TableCell>
                        {e.match === 'probable' ? <Chip size="small" color="warning" label={t('probable')} data-testid="history-probable" /> : t('exact')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

/**
 * The 申請履歴's flags alone, where a reviewer scores (採点票): an expense already subsidised, a second 採択 in
 * overlapping programmes. Nothing when there is none; the application page has the whole panel.
 */
export const ApplicantHistoryFlags = ({ applicationId }: { applicationId: string }) => {
  const translate = useTranslate();
  const { history } = useApplicantHistory(applicationId, undefined);
  if (!history?.flags.length) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="history-flags">
      <Typography variant="subtitle2">
        {translate('app.history.title')}: {translate('app.history.flags')}
      </Typography>
      {history.flags.map((f, i) => (
        <Typography variant="body2" key={i} data-testid="history-flag">
          {f.message}
        </Typography>
      ))}
    </Alert>
  );
};
