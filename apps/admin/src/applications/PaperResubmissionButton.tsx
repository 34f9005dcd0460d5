import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { ATTACHMENT_KINDS, parseYen } from '@jimukyoku/domain';
import { useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../common';
import { useApi } from '../providers/useApi';
import { useExpenseTypeLabel } from './useExpenseTypeLabel';
import { correctionOf, paperResubmissionPayload, type PaperCorrection, type StoredApplication } from './paperResubmission';

const DOCUMENT_KINDS = Object.entries(ATTACHMENT_KINDS) as [string, string][];

/** A yen amount typed as 「2,400万」 or 「24000000」; null when it is not one. */
const yenOf = (text: string): number | null => {
  const parsed = parseYen(text);
  return parsed.ok ? parsed.yen : null;
};

/**
 * 「紙の補正を記録」: for an application that came on paper and waits on its applicant's 補正, a manager
 * records what arrived by post as its resubmission — the corrected figures, the documents received and a
 * note (受領日・方法). The API checks the corrected application as it checks an electronic one.
 */
export const PaperResubmissionButton = () => {
  const record = useRecordContext<StoredApplication & { paperResubmission?: boolean }>();
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.applications.paper.${k}`, o);
  const dataProvider = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const expenseTypeLabel = useExpenseTypeLabel(record?.categoryId);
  const [open, setOpen] = useState(false);
  const [correction, setCorrection] = useState<PaperCorrection | null>(null);
  const [amounts, setAmounts] = useState<string[]>([]);
  const [documents, setDocuments] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const { data: category } = useGetOne<{ id: string; code: string }>('categories', { id: record?.categoryId ?? '' }, { enabled: !!record?.paperResubmission });

  if (!record?.paperResubmission) return null;

  const start = () => {
    const initial = correctionOf(record);
    setCorrection(initial);
    setAmounts(initial.expenses.map((e) => String(e.amount)));
    setDocuments([]);
    setNote('');
    setError(null);
    setOpen(true);
  };
  const badAmount = amounts.some((a) => yenOf(a) === null);
  const submit = async () => {
    if (!correction || !category) return;
    setRunning(true);
    setError(null);
    try {
      const expenses = correction.expenses.map((e, i) => ({ ...e, amount: yenOf(amounts[i]) ?? e.amount }));
      await dataProvider.recordPaperResubmission(record.id, {
        application: paperResubmissionPayload(record, category.code, { ...correction, expenses }),
        documents,
        note: note.trim(),
      });
      setOpen(false);
      notify(t('done'), { type: 'success' });
      refresh();
    } catch (e) {
      setError(apiErrorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <MuiButton variant="outlined" onClick={start} data-testid="paper-resubmission">
        {t('button')}
      </MuiButton>
      <Dialog open={open} onClose={() => !running && setOpen(false)} aria-labelledby="paper-resubmission-title" fullWidth maxWidth="md">
        <DialogTitle id="paper-resubmission-title">{t('title')}</DialogTitle>
        {correction && (
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{t('body')}</DialogContentText>
            <Stack spacing={2}>
              <Stack direction="row" spacing={2}>
                <TextField
                  label={t('employee_count')}
                  type="number"
                  value={correction.employeeCount}
                  onChange={(e) => setCorrection({ ...correction, employeeCount: Number(e.target.value) })}
                />
                <TextField
                  label={t('plan_title')}
                  value={correction.planTitle}
                  onChange={(e) => setCorrection({ ...correction, planTitle: e.target.value })}
                  fullWidth
                />
              </Stack>
              {correction.expenses.map((line, i) => (
                <Stack direction="row" spacing={2} key={i}>
                  <TextField label={t('expense_type')} value={expenseTypeLabel(line.expenseType)} disabled />
                  <TextField
                    label={t('expense_amount')}
                    value={amounts[i]}
                    error={yenOf(amounts[i]) === null}
                    helperText={yenOf(amounts[i]) === null ? t('amount_help') : undefined}
                    onChange={(e) => setAmounts(amounts.map((a, j) => (j === i ? e.target.value : a)))}
                    slotProps={{ htmlInput: { 'data-testid': `paper-expense-${i}` } }}
                  />
                  <TextField
                    label={t('expense_description')}
                    value={line.description ?? ''}
                    onChange={(e) =>
                      setCorrection({ ...correction, expenses: correction.expenses.map((l, j) => (j === i ? { ...l, description: e.target.value } : l)) })
                    }
                    fullWidth
                  />
                </Stack>
              ))}
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
                        slotProps={{ input: { 'aria-label': label } }}
                      />
                    }
                  />
                ))}
              </FormGroup>
              <TextField
                label={t('note')}
                helperText={t('note_help')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                required
                multiline
                minRows={2}
                slotProps={{ htmlInput: { 'data-testid': 'paper-note' } }}
              />
              {error && (
                <Alert severity="error" data-testid="paper-resubmission-error">
                  {error}
                </Alert>
              )}
            </Stack>
          </DialogContent>
        )}
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={submit}
            disabled={running || !category || badAmount || documents.length === 0 || !note.trim()}
            data-testid="confirm-paper-resubmission"
          >
            {t('run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
