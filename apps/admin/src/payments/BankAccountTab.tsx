import { useState } from 'react';
import { Alert, Button, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useCanAccess, useCreate, useGetList, useNotify, useRecordContext, useTranslate, useUpdate } from 'react-admin';
import { ACCOUNT_HOLDER_MAX_LENGTH, DEPOSIT_TYPES, toZenginText, type DepositType } from '@jimukyoku/domain';
import { apiErrorMessage, formatJst } from '../common';
import { isApiRecord } from '../providers/useApi';
import type { BankAccountRecord } from './types';

type Field = 'bankCode' | 'branchCode' | 'depositType' | 'accountNumber' | 'accountHolderKana';
type Draft = Record<Field, string>;
const FIELDS: readonly Field[] = ['bankCode', 'branchCode', 'depositType', 'accountNumber', 'accountHolderKana'];
const LABEL_KEY: Record<Field, string> = {
  bankCode: 'bank_code',
  branchCode: 'branch_code',
  depositType: 'deposit_type',
  accountNumber: 'account_number',
  accountHolderKana: 'account_holder_kana',
};
const HELP_KEY: Partial<Record<Field, string>> = {
  bankCode: 'bank_code_help',
  branchCode: 'branch_code_help',
  accountNumber: 'account_number_help',
  accountHolderKana: 'account_holder_help',
};
const empty: Draft = { bankCode: '', branchCode: '', depositType: '1', accountNumber: '', accountHolderKana: '' };

/** The API's per-field messages of a refused save (422 INVALID_BANK_ACCOUNT), by field. */
const fieldErrors = (error: unknown): Partial<Record<Field, string>> => {
  const rows = (error as { body?: { fieldErrors?: { field: string; message: string }[] } }).body?.fieldErrors ?? [];
  return Object.fromEntries(rows.filter((r) => (FIELDS as readonly string[]).includes(r.field)).map((r) => [r.field, r.message]));
};

/**
 * 口座: the payee's bank account of the application in context (one per application), as the 全銀 file will
 * carry it, and for managers a form to register or change it. The API validates every field
 * (libs/domain parseBankAccount) and answers each problem under its field; while typing, the 口座名義 shows
 * the 半角カナ it will be stored as (the same toZenginText). Rules: docs/payments.md.
 */
export const BankAccountTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`app.payments.bank_account.${k}`, o);
  const applicationId = record?.id === undefined ? undefined : String(record.id);
  const { canAccess: canCreate } = useCanAccess({ resource: 'bank-accounts', action: 'create' });
  const { canAccess: canEdit } = useCanAccess({ resource: 'bank-accounts', action: 'edit' });
  const { data, isPending, error, refetch } = useGetList<BankAccountRecord>(
    'bank-accounts',
    { filter: { applicationId }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'ASC' } },
    { enabled: applicationId !== undefined },
  );
  const [create, { isPending: creating }] = useCreate();
  const [update, { isPending: updating }] = useUpdate();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  if (!applicationId) return null;
  if (error) return <Alert severity="warning">{apiErrorMessage(error)}</Alert>;
  if (isPending) return <LinearProgress />;
  const account = data?.[0];

  const start = () => {
    setErrors({});
    setDraft(account ? { ...account } : { ...empty });
  };
  const onSaved = (saved: unknown) => {
    // a 401 that ended the session reaches onSuccess with {} (providers/useApi.ts): nothing was saved
    if (!isApiRecord(saved)) return;
    setDraft(null);
    setErrors({});
    notify(t('saved'), { type: 'success' });
    refetch();
  };
  const onError = (e: unknown) => {
    setErrors(fieldErrors(e));
    notify(apiErrorMessage(e), { type: 'error' });
  };
  const save = () => {
    if (!draft) return;
    const fields = Object.fromEntries(FIELDS.map((f) => [f, draft[f]]));
    if (account) update('bank-accounts', { id: account.id, data: fields, previousData: account }, { onSuccess: onSaved, onError });
    else create('bank-accounts', { data: { applicationId, ...fields } }, { onSuccess: onSaved, onError });
  };
  const preview =
    draft && draft.accountHolderKana.trim() !== '' ? toZenginText(draft.accountHolderKana, t('account_holder_kana'), ACCOUNT_HOLDER_MAX_LENGTH) : null;

  return (
    <Stack spacing={2} data-testid="bank-account" sx={{ maxWidth: 800 }}>
      <Typography variant="body2" color="text.secondary">
        {t('intro')}
      </Typography>
      {account ? (
        <Table size="small">
          <TableBody>
            {FIELDS.map((f) => (
              <TableRow key={f}>
                <TableCell component="th" sx={{ width: 200 }}>
                  {t(LABEL_KEY[f])}
                </TableCell>
                <TableCell data-testid={`bank-account-${f}`} sx={{ fontFamily: f === 'accountHolderKana' ? 'monospace' : undefined }}>
                  {f === 'depositType' ? `${t(`deposit_types.${account.depositType}`)}（${account.depositType}）` : account[f]}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">{t('none')}</Typography>
      )}
      {account && (
        <Typography variant="caption" color="text.secondary">
          {t('updated', { at: formatJst(account.updatedAt), by: account.updatedByName ?? '' })}
        </Typography>
      )}
      {!draft && (account ? canEdit : canCreate) && (
        <div>
          <Button variant="outlined" onClick={start}>
            {account ? t('change') : t('register')}
          </Button>
        </div>
      )}
      {draft && (
        <Stack spacing={1.5} data-testid="bank-account-form">
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            {(['bankCode', 'branchCode'] as const).map((f) => (
              <TextField
                key={f}
                size="small"
                label={t(LABEL_KEY[f])}
                value={draft[f]}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                error={!!errors[f]}
                helperText={errors[f] ?? t(HELP_KEY[f]!)}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `bank-account-input-${f}` } }}
              />
            ))}
            <TextField
              select
              size="small"
              label={t('deposit_type')}
              value={draft.depositType}
              onChange={(e) => setDraft({ ...draft, depositType: e.target.value as DepositType })}
              error={!!errors.depositType}
              helperText={errors.depositType}
              sx={{ minWidth: 120 }}
            >
              {DEPOSIT_TYPES.map((d) => (
                <MenuItem key={d} value={d}>
                  {t(`deposit_types.${d}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField
            size="small"
            label={t('account_number')}
            value={draft.accountNumber}
            onChange={(e) => setDraft({ ...draft, accountNumber: e.target.value })}
            error={!!errors.accountNumber}
            helperText={errors.accountNumber ?? t('account_number_help')}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'bank-account-input-accountNumber' } }}
          />
          <TextField
            size="small"
            label={t('account_holder_kana')}
            value={draft.accountHolderKana}
            onChange={(e) => setDraft({ ...draft, accountHolderKana: e.target.value })}
            error={!!errors.accountHolderKana || (preview !== null && !preview.ok)}
            helperText={
              errors.accountHolderKana ?? (preview ? (preview.ok ? t('stored_as', { kana: preview.text }) : preview.reason) : t('account_holder_help'))
            }
            slotProps={{ htmlInput: { 'data-testid': 'bank-account-input-accountHolderKana' } }}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={save} disabled={creating || updating}>
              {t('save')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('cancel')}</Button>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
};
