import { useEffect, useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { formatYen, parseYen } from '@jimukyoku/domain';
import { Link, useCreatePath, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { apiErrorMessage, ConfirmedActionButton } from '../common';
import { formatCalendarDate, formatJst } from '../common/jst';
import { useApi } from '../providers/useApi';
import { PaperFilingButton } from './PaperFilingButton';
import { CommercializationSchedule } from './CommercializationSchedule';
import { RepaymentSection } from './RepaymentSection';
import type { ExpenseLineRecord, PostAward } from './postAward';
import type { AmountTerms } from '../rounds/workflow';
import { useExpenseTypeLabel } from '../applications/useExpenseTypeLabel';

const yen = (n: number | null | undefined) => (typeof n === 'number' ? formatYen(n) : null);

/**
 * 「交付・確定」: the amounts after 採択, each computed by the API from the rules (docs/post-award.md) and never
 * typed here — 採択額, 交付申請額, 交付決定額, the 確定検査's lines and the 確定額 — with the manager's 交付決定 and
 * 額の確定 (each fixes an amount and mails the applicant, so each asks for confirmation first) and the inspector's
 * 確定検査 where the API offers them, and the applicant's filings after 採択.
 */
/** `terms`: the flow's words (IT導入 has no 採択: no 採択額 row, its 交付申請額 bounds the 交付決定額). */
export const PostAwardTab = ({ terms }: { terms?: AmountTerms }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.post_award.${k}`, o);
  const dataProvider = useApi();
  const createPath = useCreatePath();
  const notify = useNotify();
  const refresh = useRefresh();
  const [data, setData] = useState<PostAward | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<string[]>([]);
  const [reasons, setReasons] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [excessDueDate, setExcessDueDate] = useState('');
  const id = record?.id ? String(record.id) : '';
  const version = record?.version;
  const expenseTypeLabel = useExpenseTypeLabel(record?.categoryId as string | undefined);

  useEffect(() => {
    if (!id) return;
    dataProvider.getPostAward(id).then(
      (d) => {
        setData(d);
        const lines = d.amounts?.inspection ?? d.amounts?.actualExpenses?.map((e, index) => ({ index, accepted: e.amount, reason: null })) ?? [];
        setAccepted(lines.map((l) => String(l.accepted)));
        setReasons(lines.map((l) => l.reason ?? ''));
      },
      (e) => setError(apiErrorMessage(e)),
    );
  }, [dataProvider, id, version]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return null;
  const a = data.amounts;

  const run = async (action: () => Promise<PostAward>, done: (d: PostAward) => string) => {
    setRunning(true);
    try {
      const d = await action();
      // the answer is the tab's data as it now stands (a 確定検査 does not change the application's version)
      setData(d);
      notify(done(d), { type: 'success' });
      refresh();
    } catch (e) {
      notify(apiErrorMessage(e), { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  const decideGrant = data.actions.decideGrant && (
    <ConfirmedActionButton
      testId="decide-grant"
      label={t('decide_grant')}
      title={t('decide_grant_confirm_title')}
      content={t('decide_grant_confirm')}
      confirm={t('decide_grant_confirm_button')}
      disabled={running}
      onConfirm={() =>
        run(
          () => dataProvider.decideGrant(id),
          (d) => t('decide_grant_done', { amount: yen(d.amounts?.grantAmount) }),
        )
      }
    />
  );

  const inspect = () => {
    const actual = a?.actualExpenses ?? [];
    const lines: { index: number; acceptedAmount: number; reason?: string }[] = [];
    for (let index = 0; index < actual.length; index++) {
      const parsed = parseYen(accepted[index] ?? '');
      if (!parsed.ok || parsed.yen === null) return notify(t('invalid_amount'), { type: 'error' });
      if (parsed.yen !== actual[index]!.amount) lines.push({ index, acceptedAmount: parsed.yen, reason: reasons[index]?.trim() || undefined });
    }
    return run(
      () => dataProvider.recordFinalInspection(id, { lines }),
      () => t('inspection_done'),
    );
  };

  return (
    <Box data-testid="post-award">
      <Box sx={{ mb: 2 }}>
        <PaperFilingButton
          applicationId={id}
          data={data}
          applicationExpenses={(record?.expenses as ExpenseLineRecord[] | undefined) ?? []}
          onDone={(d) => setData(d)}
        />
      </Box>
      {data.paymentBatch && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="post-award-payment-batch"
          action={<Link to={createPath({ resource: 'payment-batches', id: data.paymentBatch.id, type: 'show' })}>{t('open_payment_batch')}</Link>}
        >
          {t('in_payment_batch', { date: formatCalendarDate(data.paymentBatch.transferDate) })}
        </Alert>
      )}
      {!a ? (
        <Box>
          <Alert severity="info" data-testid="post-award-none">
            {/* IT導入: the application is its own 交付申請, decided from its expenses (no 交付申請 of its own first) */}
            {data.actions.decideGrant ? t('none_decidable') : data.amountsKept === false ? t('none_kept') : t('none')}
          </Alert>
          {decideGrant && <Box sx={{ mt: 1 }}>{decideGrant}</Box>}
        </Box>
      ) : (
        <Stack spacing={3}>
          <Box component="section">
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
              {t('amounts')}
            </Typography>
            <Table size="small" data-testid="post-award-amounts">
              <TableBody>
                {(
                  [
                    ...(terms?.adopted === null ? [] : ([['adopted_amount', a.adoptedAmount]] as const)),
                    ['requested_amount', a.requestedAmount],
                    ['grant_amount', a.grantAmount],
                    // 概算払 (docs/post-award.md): shown once one was requested
                    ...(a.advanceRequestedAmount ? ([['advance_paid_amount', a.advancePaidAmount]] as const) : []),
                    ['fixed_amount', a.fixedAmount],
                  ] as const
                ).map(([key, amount]) => (
                  <TableRow key={key}>
                    <TableCell component="th">{t(key)}</TableCell>
                    <TableCell align="right">{yen(amount) ?? t('not_yet')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="caption" color="text.secondary">
              {t(terms?.adopted === null ? 'ceiling_note_no_adoption' : 'ceiling_note')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              {decideGrant}
              {data.actions.fixAmount && (
                <ConfirmedActionButton
                  testId="fix-amount"
                  label={t('fix_amount')}
                  title={t('fix_amount_confirm_title')}
                  // paid in advance: the 額の確定 may also claim the excess back, and the dialog says so
                  content={t('fix_amount_confirm') + ((a.advancePaidAmount ?? 0) > 0 ? t('fix_amount_confirm_advance') : '')}
                  confirm={t('fix_amount_confirm_button')}
                  disabled={running}
                  onConfirm={() =>
                    run(
                      () => dataProvider.fixAmount(id, { repaymentDueDate: excessDueDate || undefined }),
                      (d) => t('fix_amount_done', { amount: yen(d.amounts?.fixedAmount) }),
                    )
                  }
                />
              )}
              {/* paid in advance: should the 確定額 come below it, the 額の確定 claims the excess back by this 納期限 */}
              {data.actions.fixAmount && (a.advancePaidAmount ?? 0) > 0 && (
                <TextField
                  size="small"
                  type="date"
                  label={t('excess_due_date')}
                  helperText={t('excess_due_date_help')}
                  value={excessDueDate}
                  onChange={(ev) => setExcessDueDate(ev.target.value)}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'excess-due-date' } }}
                />
              )}
            </Stack>
          </Box>
          {a.actualExpenses && (
            <Box component="section" data-testid="post-award-inspection">
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                {t('inspection')}
              </Typography>
              {data.actions.inspect && <Typography variant="body2">{t('inspection_note')}</Typography>}
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('line')}</TableCell>
                    <TableCell align="right">{t('reported')}</TableCell>
                    <TableCell align="right">{t('accepted')}</TableCell>
                    <TableCell>{t('reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {a.actualExpenses.map((e, i) => (
                    <TableRow key={i}>
                      <TableCell>{e.description ?? expenseTypeLabel(e.expenseType)}</TableCell>
                      <TableCell align="right">{formatYen(e.amount)}</TableCell>
                      <TableCell align="right">
                        {data.actions.inspect ? (
                          <TextField
                            size="small"
                            value={accepted[i] ?? ''}
                            onChange={(ev) => setAccepted(accepted.map((v, j) => (j === i ? ev.target.value : v)))}
                            slotProps={{ htmlInput: { 'aria-label': `${t('accepted')} ${i + 1}` } }}
                          />
                        ) : (
                          (yen(a.inspection?.[i]?.accepted) ?? '-')
                        )}
                      </TableCell>
                      <TableCell>
                        {data.actions.inspect ? (
                          <TextField
                            size="small"
                            fullWidth
                            value={reasons[i] ?? ''}
                            onChange={(ev) => setReasons(reasons.map((v, j) => (j === i ? ev.target.value : v)))}
                            slotProps={{ htmlInput: { 'aria-label': `${t('reason')} ${i + 1}` } }}
                          />
                        ) : (
                          (a.inspection?.[i]?.reason ?? '')
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {data.actions.inspect && (
                <Button sx={{ mt: 1 }} variant="outlined" data-testid="record-inspection" disabled={running} onClick={inspect}>
                  {t('record_inspection')}
                </Button>
              )}
            </Box>
          )}
        </Stack>
      )}
      <RepaymentSection applicationId={id} data={data} onDone={(d) => setData(d)} />
      <CommercializationSchedule data={data} />
      {data.filings.length > 0 && (
        <Box component="section" sx={{ mt: 3 }} data-testid="post-award-filings">
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            {t('filings')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('filed_at')}</TableCell>
                <TableCell>{t('step')}</TableCell>
                <TableCell>{t('channel')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.filings.map((f) => (
                <TableRow key={f.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatJst(f.filedAt)}</TableCell>
                  <TableCell>{f.stepLabel}</TableCell>
                  <TableCell>{f.channelId ? t('portal') : `${t('channel_paper')}${f.note ? `: ${f.note}` : ''}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
