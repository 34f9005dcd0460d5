import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List as MuiList,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import PlaylistPlayIcon from '@mui/icons-material/PlaylistPlay';
import { Button, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useApi } from '../providers/useApi';
import { useWorkflowStates } from '../workflows/useWorkflowStates';
import type { ApplicationRecord, BulkTransitionResult } from './application';
import { bulkTransitionOptions } from './bulkTransitions';

/** 成功 n件 / 失敗 n件, and each failure's message beside the application it concerns. */
export const BulkResultDialog = ({
  result,
  rows,
  onClose,
}: {
  result: BulkTransitionResult | null;
  rows: Record<string, ApplicationRecord | undefined>;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const failures = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Dialog open={!!result} onClose={onClose} aria-labelledby="bulk-result-title" fullWidth maxWidth="sm">
      <DialogTitle id="bulk-result-title">{translate('app.applications.bulk.result_title')}</DialogTitle>
      <DialogContent data-testid="bulk-result">
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <Alert severity="success" icon={false} data-testid="bulk-succeeded">
            {translate('app.applications.bulk.succeeded', { n: result?.succeeded ?? 0 })}
          </Alert>
          <Alert severity={failures.length ? 'error' : 'info'} icon={false} data-testid="bulk-failed">
            {translate('app.applications.bulk.failed', { n: result?.failed ?? 0 })}
          </Alert>
        </Stack>
        {failures.length > 0 && (
          <>
            <Typography variant="subtitle2">{translate('app.applications.bulk.failures')}</Typography>
            <MuiList dense data-testid="bulk-failures">
              {failures.map((f) => {
                const row = rows[f.id];
                return (
                  <ListItem key={f.id} disableGutters>
                    <ListItemText primary={row ? `${row.receiptNumber ?? '-'} ${row.applicantName}` : f.id} secondary={f.message ?? f.code} />
                  </ListItem>
                );
              })}
            </MuiList>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

/**
 * 一括操作 over the selected applications (managers): one transition, an optional reason, then
 * POST /api/applications/bulk-transitions. The menu tells, for each transition, how many of the selected
 * applications are in a state it can be taken from, and offers disabled one none of them can
 * (bulkTransitions.ts). Each application succeeds or fails on its own; the result dialog tells which and why.
 */
export const BulkTransitionButton = () => {
  const { selectedIds, data, onUnselectItems } = useListContext<ApplicationRecord>();
  const dataProvider = useApi();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [transition, setTransition] = useState('');
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BulkTransitionResult | null>(null);
  const [rows, setRows] = useState<Record<string, ApplicationRecord | undefined>>({});
  const { workflows } = useWorkflowStates();
  const byId = new Map((data ?? []).map((r) => [String(r.id), r]));
  const options = bulkTransitionOptions(
    workflows,
    selectedIds.map((id) => byId.get(String(id))),
  );

  const run = async () => {
    setRunning(true);
    try {
      setRows(Object.fromEntries((data ?? []).map((r) => [r.id, r])));
      const res = await dataProvider.bulkTransition({ transition, ids: selectedIds.map(String), ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setOpen(false);
      setResult(res);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  const closeResult = () => {
    setResult(null);
    setTransition('');
    setReason('');
    onUnselectItems();
    refresh();
  };

  return (
    <>
      <Button label="app.applications.bulk.button" onClick={() => setOpen(true)} data-testid="bulk-transition-button">
        <PlaylistPlayIcon />
      </Button>
      <Dialog open={open} onClose={() => !running && setOpen(false)} aria-labelledby="bulk-title" fullWidth maxWidth="sm">
        <DialogTitle id="bulk-title">{translate('app.applications.bulk.title', { smart_count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
            <TextField
              select
              label={translate('app.applications.bulk.transition')}
              value={transition}
              onChange={(e) => setTransition(e.target.value)}
              required
              slotProps={{ select: { inputProps: { 'data-testid': 'bulk-transition-select' } } }}
            >
              {options.map((o) => (
                <MenuItem key={o.id} value={o.id} disabled={o.disabled} data-eligible={o.eligible}>
                  {translate(o.name)}
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                    {o.disabled ? translate('app.applications.bulk.none_eligible') : translate('app.applications.bulk.eligible', { n: o.known, m: o.eligible })}
                  </Typography>
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate('app.applications.bulk.reason')}
              helperText={translate('app.applications.bulk.reason_help')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              multiline
              minRows={2}
              name="bulkReason"
            />
          </Box>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={run} disabled={!transition || running}>
            {translate('app.applications.bulk.run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      <BulkResultDialog result={result} rows={rows} onClose={closeResult} />
    </>
  );
};
