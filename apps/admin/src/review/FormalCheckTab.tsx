import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, LinearProgress, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Confirm, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { doneMessage } from '../applications/pastTense';
import { reviewApi } from './api';
import type { FormalCheck, FormalCheckAnswer, FormalCheckOutcome } from './types';

type Answers = Record<string, { passed: boolean | null; comment: string; overrideReason: string }>;

const answersOf = (c: FormalCheck): Answers =>
  Object.fromEntries(c.items.map((i) => [i.code, { passed: i.passed, comment: i.comment ?? '', overrideReason: i.overrideReason ?? '' }]));
/** Only the items answered so far (the API keeps earlier answers). */
const toBody = (a: Answers): FormalCheckAnswer[] =>
  Object.entries(a)
    .filter(([, v]) => v.passed !== null)
    .map(([code, v]) => ({
      code,
      passed: v.passed as boolean,
      ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      ...(v.passed && v.overrideReason.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
    }));
/** Items marked 適 against the system's 不適 (passNeedsReason) without a reason: the API refuses them, so ask first. */
const unexplained = (c: FormalCheck, a: Answers): string[] =>
  c.items.filter((i) => i.passNeedsReason && a[i.code]?.passed === true && !a[i.code].overrideReason.trim()).map((i) => i.code);

/** Items with a comment but neither 適 nor 不適: the API keeps answered items only, so the comment would be lost. */
const commentedUnanswered = (c: FormalCheck, a: Answers): string[] =>
  c.items.filter((i) => a[i.code]?.passed === null && a[i.code].comment.trim() !== '').map((i) => i.code);

/** The buttons' colours; their labels and which ones exist come from the workflow (GET …/formal-check's outcomes). */
const OUTCOME_COLOR: Record<FormalCheckOutcome, 'success' | 'warning' | 'error'> = { pass: 'success', return: 'warning', ineligible: 'error' };

const messageOf = (error: unknown) => {
  const e = error as { message?: string; body?: { fieldErrors?: { message: string }[] } };
  const fields = e.body?.fieldErrors?.map((f) => f.message) ?? [];
  return [e.message, ...fields].filter(Boolean).join(' ');
};

/**
 * 要件確認 tab: the category's checklist item by item (必要書類, 要件の判定, 認定支援機関, 誓約) with the
 * system's suggestion, 適/不適 and a comment each; the assigned reviewer saves, or completes it with one of
 * the outcomes the application's workflow offers, labelled as its definition names them (補助金: 審査へ,
 * 差戻し — the 不適 items and comments go to the applicant — or 要件不適合; IT導入: 適 recorded for the
 * 交付決定, or 差戻し; 給付金: 審査を開始 or 不備).
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
  const [missingReasons, setMissingReasons] = useState<string[]>([]);
  const [missingAnswers, setMissingAnswers] = useState<string[]>([]);
  // completing fires the outcome (a 差戻し mails the applicant, a 要件不適合 ends the application): asked first
  const [confirming, setConfirming] = useState<{ outcome: FormalCheckOutcome; label: string } | null>(null);
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

  /**
   * Refuses locally (no request) while an override lacks its reason or a comment its 適・不適 (it would be dropped),
   * marking the fields.
   */
  const reasonsGiven = () => {
    const missing = unexplained(check, answers);
    const unanswered = commentedUnanswered(check, answers);
    setMissingReasons(missing);
    setMissingAnswers(unanswered);
    if (missing.length > 0) notify(t('override_reason_missing'), { type: 'error' });
    else if (unanswered.length > 0) notify(t('comment_unanswered'), { type: 'error' });
    return missing.length === 0 && unanswered.length === 0;
  };
  const save = async () => {
    if (!reasonsGiven()) return;
    setBusy(true);
    try {
      const c = await reviewApi.saveFormalCheck(check.id, toBody(answers));
      setCheck(c);
      notify(t('saved'), { type: 'success' });
      // the first save starts the 要件確認 (申請済 → 要件確認中): the page's state and version with it, or its
      // 「要件確認を開始」 would still be offered and answer 409 STALE_VERSION
      refresh();
    } catch (e) {
      notify(messageOf(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const complete = async (outcome: FormalCheckOutcome, label: string) => {
    setConfirming(null);
    setBusy(true);
    try {
      await reviewApi.completeFormalCheck(check.id, { outcome, answers: toBody(answers) });
      notify(doneMessage(label), { type: 'success' });
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
        const a = answers[item.code] ?? { passed: null, comment: '', overrideReason: '' };
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
              {(item.failedRequirements?.length ?? 0) > 0 && (
                <Stack spacing={0.5} sx={{ mt: 1 }} data-testid="failed-requirements">
                  <Typography variant="subtitle2">{t('failed_requirements')}</Typography>
                  {item.failedRequirements!.map((f) => (
                    <Alert key={f.code} severity="error" data-testid={`failed-requirement-${f.code}`}>
                      <Typography variant="body2">{f.label}</Typography>
                      {f.message && (
                        <Typography variant="body2" color="text.secondary">
                          {f.message}
                        </Typography>
                      )}
                    </Alert>
                  ))}
                </Stack>
              )}
              {(item.manualRequirements?.length ?? 0) > 0 && (
                <Stack spacing={0.25} sx={{ mt: 1 }}>
                  <Typography variant="subtitle2">{t('manual_requirements')}</Typography>
                  {item.manualRequirements!.map((m) => (
                    <Typography key={m} variant="body2">
                      ・{m}
                    </Typography>
                  ))}
                </Stack>
              )}
              {item.passNeedsReason && a.passed === true && (
                <TextField
                  size="small"
                  fullWidth
                  multiline
                  required
                  sx={{ mt: 1 }}
                  label={t('override_reason')}
                  value={a.overrideReason}
                  error={missingReasons.includes(item.code) && !a.overrideReason.trim()}
                  helperText={missingReasons.includes(item.code) && !a.overrideReason.trim() ? t('override_reason_required') : t('override_reason_help')}
                  onChange={(e) => setAnswers({ ...answers, [item.code]: { ...a, overrideReason: e.target.value } })}
                  disabled={!writer}
                  slotProps={{ htmlInput: { 'data-testid': `override-reason-${item.code}` } }}
                />
              )}
              <TextField
                size="small"
                fullWidth
                multiline
                sx={{ mt: 1 }}
                label={t('comment')}
                value={a.comment}
                error={missingAnswers.includes(item.code) && a.passed === null}
                helperText={missingAnswers.includes(item.code) && a.passed === null ? t('comment_needs_answer') : undefined}
                slotProps={{ htmlInput: { 'data-testid': `comment-${item.code}` } }}
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
          {check.outcomes.map((o) => (
            <Button
              key={o.outcome}
              variant="contained"
              color={OUTCOME_COLOR[o.outcome]}
              onClick={() => reasonsGiven() && setConfirming({ outcome: o.outcome, label: o.label })}
              disabled={busy}
            >
              {o.label}
            </Button>
          ))}
        </Stack>
      )}
      <Confirm
        isOpen={confirming !== null}
        title={t('confirm_title', { label: confirming?.label ?? '' })}
        content={confirming ? t(`confirm_${confirming.outcome}`) : ''}
        confirm={confirming?.label ?? ''}
        confirmColor={confirming?.outcome === 'pass' ? 'primary' : 'warning'}
        onConfirm={() => confirming && void complete(confirming.outcome, confirming.label)}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
};
