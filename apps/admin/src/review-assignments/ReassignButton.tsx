import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Button, Form, ReferenceInput, AutocompleteInput, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { isApiRecord } from '../providers/useApi';

/** 付け替え: another reviewer takes the assignment (the API checks 利益相反 and 上限件数, with a Japanese 409). */
export const ReassignButton = () => {
  const record = useRecordContext<{ id: string; submittedAt: string | null; revokedAt: string | null; reviewerId: string }>();
  const { canAccess } = useCanAccess({ resource: 'review-assignments', action: 'edit' });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record || !canAccess || record.submittedAt || record.revokedAt) return null;
  const submit = (values: Record<string, unknown>) =>
    update(
      'review-assignments',
      { id: record.id, data: { reviewerId: values.reviewerId, ...(reason.trim() ? { reason: reason.trim() } : {}) }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: (updated) => {
          if (!isApiRecord(updated)) return; // a 401 that ended the session (providers/useApi.ts)
          setOpen(false);
          notify('app.review.board.reassigned', { type: 'success' });
          refresh();
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );
  return (
    <>
      <Button
        label="app.review.board.reassign"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <SwapHorizIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth>
        <Form onSubmit={submit} record={{ reviewerId: null }}>
          <DialogTitle>{translate('app.review.board.reassign')}</DialogTitle>
          <DialogContent>
            <Stack spacing={1} sx={{ mt: 1 }}>
              <ReferenceInput source="reviewerId" reference="reviewers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
                <AutocompleteInput optionText="name" label="resources.review-assignments.fields.reviewerId" filterToQuery={(q) => ({ q })} />
              </ReferenceInput>
              <TextField size="small" label={translate('app.review.board.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={isPending}>
              {translate('app.review.board.reassign')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
