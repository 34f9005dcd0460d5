import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { ATTACHMENT_KINDS, parseYen } from '@jimukyoku/domain';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useExpenseTypeLabel } from '../applications/useExpenseTypeLabel';
import { apiErrorMessage } from '../common';
import { useApi } from '../providers/useApi';
import { paperFilingBody, WITH_EXPENSES, WITH_REASON, type ExpenseLineRecord, type PostAward, type PostAwardStep } from './postAward';

const DOCUMENT_KINDS = Object.entries(ATTACHMENT_KINDS) as [string, string][];

/**
 * 「紙の届出を記録」: for an application that came on paper, a manager records a step after 採択 the applicant
 * handed in on paper (交付申請, 実績報告, 計画変更, 事業廃止, 取下げ, 事業化状況報告) with the documents received and
 * a note; the API checks it as it checks the portal's and computes any amount (docs/post-award.md).
 */
export const PaperFilingButton = ({
  applicationId,
  data,
  applicationExpenses,
  onDone,
}: {
  applicationId: string;
  data: PostAward;
  applicationExpenses: ExpenseLineRecord[];
  onDone: (d: PostAward) => void;
}) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.post_award.paper.${k}`, o);
  const dataProvider = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const steps = data.actions.paperSteps;
  const record = useRecordContext();
  const expenseTypeLabel = useExpenseTypeLabel(record?.categoryId as string | undefined);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<PostAwardStep | ''>('');
  const [lines, setLines] = useState<ExpenseLineRecord[]>([]);
  const [amounts, setAmounts] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [fiscalYear, setFiscalYear] = useState('');
  const [sales, setSales] = useState('');
  const [documents, setDocuments] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  if (steps.length === 0) return null;

  const choose = (s: PostAwardStep) => {
    setStep(s);
    // the lines to start from: the 交付申請's for a 実績報告 or a 概算払, the application's for a 交付申請
    const start = s === 'performanceReport' || s === 'advancePayment' ? (data.amounts?.grantExpenses ?? applicationExpenses) : applicationExpenses;
    setLines(start.map(({ expenseType, description: d, amount }) => ({ expenseType, description: d, amount })));
    setAmounts(start.map((l) => String(l.amount)));
  };

  const submit = async () => {
    if (!step) return;
    const body = paperFilingBody(step, { lines, amounts, reason, description, fiscalYear, sales, documents, note }, parseYen);
    if (typeof body === 'string') return setError(t('invalid_amount', { line: body }));
    setRunning(true);
    setError(null);
    try {
      const d = await dataProvider.recordPaperFiling(applicationId, body);
      onDone(d);
      setOpen(false);
      notify(t('done', { step: translate(`app.post_award.steps.${step}`) }), { type: 'success' });
      refresh();
    } catch (e) {
      setError(apiErrorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button variant="outlined" data-testid="paper-filing" onClick={() => setOpen(true)}>
        {t('button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              select
              label={t('step')}
              value={step}
              onChange={(e) => choose(e.target.value as PostAwardStep)}
              slotProps={{ htmlInput: { 'data-testid': 'paper-filing-step' } }}
            >
              {steps.map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`app.post_award.steps.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            {step &&
              WITH_EXPENSES.includes(step) &&
              lines.map((l, i) => (
                <TextField
                  key={i}
                  label={`${l.description ?? expenseTypeLabel(l.expenseType)}（${t('amount')}）`}
                  value={amounts[i] ?? ''}
                  onChange={(e) => setAmounts(amounts.map((v, j) => (j === i ? e.target.value : v)))}
                  slotProps={{ htmlInput: { 'data-testid': `paper-filing-expense-${i}` } }}
                />
              ))}
            {step && WITH_REASON.includes(step) && <TextField label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline />}
            {step === 'planChange' && <TextField label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} multiline />}
            {step === 'commercializationReport' && (
              <>
                <TextField label={t('fiscal_year')} value={fiscalYear} onChange={(e) => setFiscalYear(e.target.value)} />
                <TextField label={t('sales')} value={sales} onChange={(e) => setSales(e.target.value)} />
              </>
            )}
            <FormGroup>
              <FormLabel>{t('documents')}</FormLabel>
              {DOCUMENT_KINDS.map(([kind, label]) => (
                <FormControlLabel
                  key={kind}
                  label={label}
                  control={
                    <Checkbox
                      checked={documents.includes(kind)}
                      onChange={(e) => setDocuments(e.target.checked ? [...documents, kind] : documents.filter((d) => d !== kind))}
                    />
                  }
                />
              ))}
            </FormGroup>
            <TextField
              label={t('note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'paper-filing-note' } }}
            />
            {error && (
              <Alert severity="error" data-testid="paper-filing-error">
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            data-testid="confirm-paper-filing"
            disabled={running || !step || documents.length === 0 || note.trim() === ''}
            onClick={() => void submit()}
          >
            {t('confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
