import { useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { formatYen, parseYen } from '@jimukyoku/domain';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage, ConfirmedActionButton } from '../common';
import { formatCalendarDate, formatJst } from '../common/jst';
import { newRequestKey } from '../common/requestKey';
import { useApi } from '../providers/useApi';
import type { PostAward } from './postAward';

/**
 * 交付決定取消 and 返還 (docs/post-award.md "交付決定取消 and 返還"), and the 返還 of a 概算払's excess the 額の確定 claimed
 * ("概算払"): the 返還額 the API computed from what was paid, its 納期限 and the repayments received; the manager's 「交付決定取消」 (reason, 納期限;
 * confirmed in a dialog first, as it notifies the applicant) and 「返還の入金を記録」 where the API offers them. Nothing here computes an amount.
 */
export const RepaymentSection = ({ applicationId, data, onDone }: { applicationId: string; data: PostAward; onDone: (d: PostAward) => void }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.post_award.repayment.${k}`);
  const dataProvider = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<'general' | 'wageTargetMissed'>('general');
  const [dueDate, setDueDate] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [running, setRunning] = useState(false);
  // one key per repayment entered: a try whose answer was lost, sent again, is recorded once
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const r = data.repayment;
  if (!r && !data.actions.revokeGrant) return null;

  const run = async (action: () => Promise<PostAward>, done: string) => {
    setRunning(true);
    try {
      onDone(await action());
      notify(done, { type: 'success' });
      refresh();
    } catch (e) {
      notify(apiErrorMessage(e), { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  const record = () => {
    const parsed = parseYen(amount);
    if (!parsed.ok || parsed.yen === null) return notify(t('invalid_amount'), { type: 'error' });
    const yen = parsed.yen;
    return run(async () => {
      const done = await dataProvider.recordRepayment(applicationId, { receivedOn, amount: yen, note: note.trim() || undefined }, requestKey);
      setRequestKey(newRequestKey());
      setAmount('');
      setNote('');
      return done;
    }, t('record_done'));
  };

  return (
    <Box component="section" sx={{ mt: 3 }} data-testid="repayment">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('title')}
      </Typography>
      {r && (
        <Table size="small" data-testid="repayment-summary">
          <TableBody>
            <TableRow>
              <TableCell component="th">{t('amount')}</TableCell>
              <TableCell align="right">{formatYen(r.amount)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('basis')}</TableCell>
              <TableCell align="right">{formatYen(r.paidAmount)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('ground')}</TableCell>
              <TableCell align="right">{t(`ground_${r.ground}`)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('claim_reason')}</TableCell>
              <TableCell align="right">{r.reason}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('due_date')}</TableCell>
              <TableCell align="right">{r.dueDate ? formatCalendarDate(r.dueDate) : t('none_due')}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('repaid_total')}</TableCell>
              <TableCell align="right">{formatYen(r.repaidTotal)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th">{t('outstanding')}</TableCell>
              <TableCell align="right" data-testid="repayment-outstanding">
                {formatYen(r.outstanding)}
              </TableCell>
            </TableRow>
            {r.repaidAt && (
              <TableRow>
                <TableCell component="th">{t('repaid_at')}</TableCell>
                <TableCell align="right">{formatJst(r.repaidAt)}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {r && r.received.length > 0 && (
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('received_on')}</TableCell>
              <TableCell align="right">{t('received_amount')}</TableCell>
              <TableCell>{t('note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.received.map((x) => (
              <TableRow key={x.id}>
                <TableCell>{formatCalendarDate(x.receivedOn)}</TableCell>
                <TableCell align="right">{formatYen(x.amount)}</TableCell>
                <TableCell>{x.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Alert severity="info" sx={{ my: 1 }}>
        {t('rule_note')}
      </Alert>
      {data.actions.revokeGrant && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
          <TextField
            size="small"
            label={t('reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'revoke-reason' } }}
          />
          <TextField select size="small" label={t('ground')} value={ground} onChange={(e) => setGround(e.target.value as typeof ground)} sx={{ minWidth: 160 }}>
            <MenuItem value="general">{t('ground_general')}</MenuItem>
            <MenuItem value="wageTargetMissed">{t('ground_wageTargetMissed')}</MenuItem>
          </TextField>
          <TextField
            size="small"
            type="date"
            label={t('due_date')}
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <ConfirmedActionButton
            testId="revoke-grant"
            color="warning"
            label={t('revoke')}
            title={t('revoke_confirm_title')}
            content={t('revoke_confirm')}
            confirm={t('revoke_confirm_button')}
            disabled={running || !reason.trim()}
            onConfirm={() =>
              run(() => dataProvider.revokeGrant(applicationId, { reason: reason.trim(), ground, dueDate: dueDate || undefined }), t('revoke_done'))
            }
          />
        </Stack>
      )}
      {data.actions.recordRepayment && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
          <TextField
            size="small"
            type="date"
            label={t('received_on')}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            label={t('received_amount')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'repayment-amount' } }}
          />
          <TextField size="small" label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button variant="contained" data-testid="record-repayment" disabled={running || !receivedOn || !amount} onClick={record}>
            {t('record')}
          </Button>
        </Stack>
      )}
    </Box>
  );
};
