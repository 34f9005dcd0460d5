import { useState } from 'react';
import { Alert, Button, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCanAccess, useCreate, useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatJst, jstWallClockToInstant, toJstWallClock, apiErrorMessage } from '../common';
import { isApiRecord } from '../providers/useApi';
import { INQUIRY_CHANNELS, INQUIRY_DIRECTIONS, type Inquiry, type InquiryChannel, type InquiryDirection } from './types';

interface Draft {
  occurredAt: string;
  channel: InquiryChannel;
  direction: InquiryDirection;
  summary: string;
}
const fresh = (): Draft => ({ occurredAt: toJstWallClock(new Date()), channel: 'phone', direction: 'inbound', summary: '' });

/**
 * 問い合わせ: every exchange with the applicant about the application in context, newest first (日時 in
 * JST, 電話/メール/窓口, 受信/発信, 要旨, 対応者), and a form for managers to record one (the API stores the
 * signed-in staff member as 対応者 and audits it).
 */
export const InquiriesTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`app.correspondence.inquiries.${k}`, o);
  const applicationId = record?.id === undefined ? undefined : String(record.id);
  const { canAccess: canWrite } = useCanAccess({ resource: 'inquiries', action: 'create' });
  const { data, isPending, error, refetch } = useGetList<Inquiry>(
    'inquiries',
    { filter: { applicationId }, sort: { field: 'occurredAt', order: 'DESC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: applicationId !== undefined },
  );
  const [create, { isPending: saving }] = useCreate();
  const [draft, setDraft] = useState<Draft>(fresh);
  const [tried, setTried] = useState(false);

  if (!applicationId) return null;
  if (error) return <Alert severity="warning">{apiErrorMessage(error)}</Alert>;
  if (isPending) return <LinearProgress />;

  const occurredAt = jstWallClockToInstant(draft.occurredAt);
  const problems = {
    occurredAt: occurredAt === null ? t('occurred_at_required') : undefined,
    summary: draft.summary.trim() === '' ? t('summary_required') : undefined,
  };
  const add = () => {
    setTried(true);
    if (problems.occurredAt || problems.summary) return;
    create(
      'inquiries',
      { data: { applicationId, occurredAt, channel: draft.channel, direction: draft.direction, summary: draft.summary } },
      {
        onSuccess: (created) => {
          if (!isApiRecord(created)) return; // a 401 that ended the session (providers/useApi.ts)
          setDraft(fresh());
          setTried(false);
          notify(t('added'), { type: 'success' });
          refetch();
        },
        onError: (e) => notify(apiErrorMessage(e), { type: 'error' }),
      },
    );
  };

  return (
    <Stack spacing={2} data-testid="inquiries" sx={{ maxWidth: 1100 }}>
      {(data ?? []).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('occurred_at')}</TableCell>
              <TableCell>{t('channel')}</TableCell>
              <TableCell>{t('direction')}</TableCell>
              <TableCell>{t('summary')}</TableCell>
              <TableCell>{t('staff')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((i) => (
              <TableRow key={i.id} data-testid="inquiry">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatJst(i.occurredAt)}</TableCell>
                <TableCell>{t(`channels.${i.channel}`)}</TableCell>
                <TableCell>{t(`directions.${i.direction}`)}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{i.summary}</TableCell>
                <TableCell>{i.staffName ?? i.staffId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite && (
        <Stack spacing={1.5} data-testid="inquiry-form">
          <Typography variant="subtitle1">{t('record')}</Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              label={t('occurred_at')}
              type="datetime-local"
              size="small"
              value={draft.occurredAt}
              onChange={(e) => setDraft({ ...draft, occurredAt: e.target.value })}
              error={tried && !!problems.occurredAt}
              helperText={(tried && problems.occurredAt) || translate('app.common.jst_hint')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 1, 'data-testid': 'inquiry-occurred-at' } }}
            />
            <TextField
              select
              size="small"
              label={t('channel')}
              value={draft.channel}
              onChange={(e) => setDraft({ ...draft, channel: e.target.value as InquiryChannel })}
              sx={{ minWidth: 140 }}
            >
              {INQUIRY_CHANNELS.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`channels.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={t('direction')}
              value={draft.direction}
              onChange={(e) => setDraft({ ...draft, direction: e.target.value as InquiryDirection })}
              sx={{ minWidth: 140 }}
            >
              {INQUIRY_DIRECTIONS.map((d) => (
                <MenuItem key={d} value={d}>
                  {t(`directions.${d}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField
            label={t('summary')}
            multiline
            minRows={2}
            fullWidth
            value={draft.summary}
            onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
            error={tried && !!problems.summary}
            helperText={tried && problems.summary}
            slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'inquiry-summary' } }}
          />
          <div>
            <Button variant="contained" onClick={add} disabled={saving}>
              {t('add')}
            </Button>
          </div>
        </Stack>
      )}
    </Stack>
  );
};
