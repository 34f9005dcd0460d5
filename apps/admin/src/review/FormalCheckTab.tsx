import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, LinearProgress, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { reviewApi } from './api';
import type { FormalCheck, FormalCheckAnswer, FormalCheckOutcome } from './types';

type Answers = Record<string, { passed: boolean | null; comment: string }>;

const answersOf = (c: FormalCheck): Answers => Object.fromEntries(c.items.map((i) => [i.code, { passed: i.passed, comment: i.comment ?? '' }]));
/** Only the items answered so far (the API keeps earlier answers). */
const toBody = (a: Answers): FormalCheckAnswer[] =>
  Object.entries(a)
    .filter(([, v]) => v.passed !== null)
    .map(([code, v]) => ({ code, passed: v.passed as boolean, ...(v.comment.trim() ? { comment: v.comment.trim() } : {}) }));

const messageOf = (error: unknown) => {
  const e = error as { message?: string; body?: { fieldErrors?: { message: string }[] } };
  const fields = e.body?.fieldErrors?.map((f) => f.message) ?? [];
  return [e.message, ...fields].filter(Boolean).join(' ');
};

/**
 * 要件確認 tab: the category's checklist item by item (必要書類, 要件の判定, 認定支援機関, 誓約) with the
 * system's suggestion, 適/不適 and a comment each; the assigned reviewer saves, or completes it:
 * 審査へ, 差戻し (the 不適 items and comments go to the applicant) or 要件不適合.
 */
export const FormalCheckTab = () => {
  const record = useRecordContext<{ id: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [check, setCheck] = useState<FormalCheck | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (k: string, o?: object) => translate(`app.review.formal_check.${k}`, o);

  const load = useCallback(() => {
    if (!record?.id) return;
    reviewApi
      .getFormalCheck(String(record.id))
      .then((c) => {
        setCheck(c);
        setAnswers(answersOf(c));
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [record?.id]);
  useEffect(load, [load]);

  if (error) return <Alert severity="warning">{error}</Alert>;
  if (!check) return <LinearProgress />;
  const writer = (identity as { role?: string } | undefined)?.role === 'reviewer' && check.open;

  const save = async () => {
    setBusy(true);
    try {
      const c = await reviewApi.saveFormalCheck(check.id, toBody(answers));
      setCheck(c);
      notify(t('saved'), { type: 'success' });
    } catch (e) {
      notify(messageOf(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const complete = async (outcome: FormalCheckOutcome) => {
    setBusy(true);
    try {
      await reviewApi.completeFormalCheck(check.id, { outcome, answers: toBody(answers) });
      notify(t(`done.${outcome}`), { type: 'success' });
      load();
      refresh();
    } catch (e) {
      notify(messageOf(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="formal-check">
      {check.completed && (
        <Alert severity={check.passed ? 'success' : 'warning'}>{t('completed', { result: t(check.passed ? 'result_pass' : 'result_fail') })}</Alert>
      )}
      {!check.open && !check.completed && <Alert severity="info">{t('closed')}</Alert>}
      {check.items.map((item) => {
        const a = answers[item.code] ?? { passed: null, comment: '' };
        const suggestion = item.suggestion === 'pass' ? 'suggest_pass' : item.suggestion === 'fail' ? 'suggest_fail' : 'suggest_none';
        return (
          <Card variant="outlined" key={item.code} data-testid={`check-${item.code}`}>
            <CardContent sx={{ '&:last-child': { pb: 2 } }}>
              <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" sx={{ flex: 1, minWidth: 240 }}>
                  {item.label}
                </Typography>
                <Chip
                  size="small"
                  variant="outlined"
                  color={item.suggestion === 'pass' ? 'success' : item.suggestion === 'fail' ? 'error' : 'default'}
                  label={`${t('suggestion')}: ${t(suggestion)}`}
                />
                <ToggleButtonGroup
                  exclusive
                  size="small"
                  value={a.passed === null ? null : a.passed ? 'pass' : 'fail'}
                  onChange={(_, v: 'pass' | 'fail' | null) => setAnswers({ ...answers, [item.code]: { ...a, passed: v === null ? null : v === 'pass' } })}
                  disabled={!writer}
                >
                  <ToggleButton value="pass" color="success">
                    {t('pass')}
                  </ToggleButton>
                  <ToggleButton value="fail" color="error">
                    {t('fail')}
                  </ToggleButton>
                </ToggleButtonGroup>
              </Stack>
              {item.hint && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {item.hint}
                </Typography>
              )}
              <TextField
                size="small"
                fullWidth
                multiline
                sx={{ mt: 1 }}
                label={t('comment')}
                value={a.comment}
                onChange={(e) => setAnswers({ ...answers, [item.code]: { ...a, comment: e.target.value } })}
                disabled={!writer}
              />
            </CardContent>
          </Card>
        );
      })}
      {writer && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="outlined" onClick={save} disabled={busy}>
            {t('save')}
          </Button>
          <Button variant="contained" color="success" onClick={() => complete('pass')} disabled={busy}>
            {t('to_review')}
          </Button>
          <Button variant="contained" color="warning" onClick={() => complete('return')} disabled={busy}>
            {t('return')}
          </Button>
          <Button variant="contained" color="error" onClick={() => complete('ineligible')} disabled={busy}>
            {t('ineligible')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
