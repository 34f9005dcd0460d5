import { useState } from 'react';
import { Alert, Button, Card, CardContent, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useCanAccess, useCreate, useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatJst, apiErrorMessage } from '../common';
import { isApiRecord } from '../providers/useApi';
import type { Memo } from './types';

/**
 * メモ: the staff's internal memos on the application in context, oldest first (a thread), and a box
 * to add one for those who may (managers; a reviewer on an application they can see). Memos are never
 * shown to the applicant, never changed, and each is audited by the API.
 */
export const MemosTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const t = (k: string, o?: object) => translate(`app.correspondence.memos.${k}`, o);
  const applicationId = record?.id === undefined ? undefined : String(record.id);
  const { canAccess: canWrite } = useCanAccess({ resource: 'application-memos', action: 'create' });
  const { data, isPending, error, refetch } = useGetList<Memo>(
    'application-memos',
    { filter: { applicationId }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: applicationId !== undefined },
  );
  const [create, { isPending: saving }] = useCreate();
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);

  if (!applicationId) return null;
  if (error) return <Alert severity="warning">{apiErrorMessage(error)}</Alert>;
  if (isPending) return <LinearProgress />;

  const add = () => {
    if (body.trim() === '') {
      setBlank(true);
      return;
    }
    create(
      'application-memos',
      { data: { applicationId, body } },
      {
        onSuccess: (created) => {
          if (!isApiRecord(created)) return; // a 401 that ended the session (providers/useApi.ts)
          setBody('');
          setBlank(false);
          notify(t('added'), { type: 'success' });
          refetch();
        },
        onError: (e) => notify(apiErrorMessage(e), { type: 'error' }),
      },
    );
  };

  return (
    <Stack spacing={1.5} data-testid="memos" sx={{ maxWidth: 900 }}>
      <Alert severity="info">{t('internal')}</Alert>
      {(data ?? []).length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      )}
      {(data ?? []).map((m) => (
        <Card variant="outlined" key={m.id} data-testid="memo">
          <CardContent sx={{ '&:last-child': { pb: 2 } }}>
            <Typography variant="caption" color="text.secondary">
              {formatJst(m.createdAt)} ・ {m.authorName ?? m.authorId}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Typography>
          </CardContent>
        </Card>
      ))}
      {canWrite && (
        <Stack spacing={1}>
          <TextField
            label={t('body')}
            multiline
            minRows={2}
            fullWidth
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={blank && body.trim() === ''}
            helperText={blank && body.trim() === '' ? t('body_required') : t('body_help')}
            slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'memo-body' } }}
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
