import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  ArrayField,
  Datagrid,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { paymentConfirmationRefusal } from '@jimukyoku/domain';
import { apiErrorMessage, CalendarDateField, JstDateField, YenField } from '../common';
import { api, download } from '../providers';
import { BatchStatusChip } from './StatusChip';

interface BatchRecord {
  id: string;
  status: 'open' | 'paid' | 'cancelled';
  transferDate: string;
  requester: Record<string, string>;
  excluded: { applicationId: string; receiptNumber: string | null; applicantName: string; reason: string }[];
}

const post = (path: string, body: unknown = {}) => api.httpClient(`${api.apiUrl}/payment-batches/${path}`, { method: 'POST', body: JSON.stringify(body) });

/** 全銀ファイル download, 振込確定 (with the bank's 振込日) and 取消: the manager's actions on an open batch. */
const Actions = () => {
  const record = useRecordContext<BatchRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess: canWrite } = useCanAccess({ resource: 'payment-batches', action: 'edit' });
  const [dialog, setDialog] = useState<'confirm' | 'cancel' | 'paidFile' | null>(null);
  const [paidOn, setPaidOn] = useState(record?.transferDate ?? '');
  const [busy, setBusy] = useState(false);
  if (!record || !canWrite) return <TopToolbar />;
  // the API refuses a confirmation before the 振込指定日 (in Japan) with this sentence: not offered until then
  const notYet = paymentConfirmationRefusal(record.transferDate, new Date());
  const fileName = `furikomi-${record.transferDate.replaceAll('-', '')}.txt`;
  const downloadFile = () =>
    download(`/payment-batches/${record.id}/zengin`, fileName).then(
      () => notify(translate('app.payment_batches.downloaded', { fileName }), { type: 'success' }),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify(done, { type: 'success' });
      setDialog(null);
      refresh();
    } catch (e) {
      notify(apiErrorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <TopToolbar>
      {record.status !== 'cancelled' && (
        <Button
          startIcon={<DownloadIcon />}
          data-testid="zengin-download"
          // a paid batch's file has been at the bank: uploaded again it would transfer every line twice
          onClick={() => (record.status === 'paid' ? setDialog('paidFile') : void downloadFile())}
        >
          {translate('app.payment_batches.download')}
        </Button>
      )}
      {record.status === 'open' && (
        <>
          {notYet && (
            <Typography variant="body2" color="text.secondary" data-testid="batch-confirm-not-yet" sx={{ alignSelf: 'center', maxWidth: 420 }}>
              {notYet}
            </Typography>
          )}
          <Button variant="contained" data-testid="batch-confirm" disabled={!!notYet} onClick={() => setDialog('confirm')}>
            {translate('app.payment_batches.confirm')}
          </Button>
          <Button color="error" data-testid="batch-cancel" onClick={() => setDialog('cancel')}>
            {translate('app.payment_batches.cancel')}
          </Button>
        </>
      )}
      <Dialog open={dialog === 'confirm'} onClose={() => setDialog(null)}>
        <DialogTitle>{translate('app.payment_batches.confirm_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.payment_batches.confirm_text')}</DialogContentText>
          <MuiTextField
            type="date"
            label={translate('app.payment_batches.paid_on')}
            value={paidOn}
            onChange={(e) => setPaidOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'paid-on' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={busy || !paidOn}
            data-testid="batch-confirm-submit"
            onClick={() => run(() => post(`${record.id}/confirm`, { paidOn }), translate('app.payment_batches.confirmed'))}
          >
            {translate('app.payment_batches.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={dialog === 'paidFile'} onClose={() => setDialog(null)}>
        <DialogTitle>{translate('app.payment_batches.paid_file_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" data-testid="paid-file-warning">
            {translate('app.payment_batches.paid_file_text')}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            data-testid="paid-file-download"
            onClick={() => {
              setDialog(null);
              void downloadFile();
            }}
          >
            {translate('app.payment_batches.paid_file_download')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={dialog === 'cancel'} onClose={() => setDialog(null)}>
        <DialogTitle>{translate('app.payment_batches.cancel_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.payment_batches.cancel_text')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={busy}
            onClick={() => run(() => post(`${record.id}/cancel`), translate('app.payment_batches.cancelled'))}
          >
            {translate('app.payment_batches.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </TopToolbar>
  );
};

const Excluded = () => {
  const record = useRecordContext<BatchRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.excluded.length) return <Typography variant="body2">{translate('app.payment_batches.excluded_none')}</Typography>;
  return (
    <Alert severity="warning" data-testid="batch-excluded">
      {record.excluded.map((e) => (
        <div key={e.applicationId}>
          {e.receiptNumber ?? ''} {e.applicantName}: {e.reason}
        </div>
      ))}
    </Alert>
  );
};

/** One batch: 振込指定日, 振込依頼人, the transfers with their 支払額 and accounts, the totals and the applications left out. */
export const PaymentBatchShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="roundName" />
        <BatchStatusChip label="resources.payment-batches.fields.status" />
        <CalendarDateField source="transferDate" />
        <CalendarDateField source="paidOn" emptyText="—" />
        <NumberField source="totalCount" />
        <YenField source="totalAmount" />
        <FunctionField
          label={translate('app.payment_batches.requester')}
          render={(r: BatchRecord) =>
            `${r.requester.name}（${r.requester.code}） ${r.requester.bankCode}-${r.requester.branchCode} ${r.requester.accountNumber}`
          }
        />
        <JstDateField source="createdAt" />
        <TextField source="createdByName" />
        <Labeled label={translate('app.payment_batches.lines')} fullWidth>
          <ArrayField source="lines">
            <Datagrid bulkActionButtons={false} rowClick={false} data-testid="batch-lines">
              <TextField source="receiptNumber" />
              <TextField source="applicantName" />
              <YenField source="amount" />
              <TextField source="bankCode" />
              <TextField source="branchCode" />
              <TextField source="accountNumber" />
              <TextField source="accountHolderKana" />
            </Datagrid>
          </ArrayField>
        </Labeled>
        <Labeled label={translate('app.payment_batches.excluded')} fullWidth>
          <Box>
            <Excluded />
          </Box>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
