import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { isStaffRole } from '../providers/roles';
import type { RoundRecord } from './round';
import { useRoundWorkflow } from './useRoundWorkflow';
import { stateLabels } from './workflow';

/**
 * ワークフロー of a round: the states and transitions its applications follow, as tables, and the
 * API's Mermaid text to paste into any Mermaid renderer (no diagram library in the admin).
 */
export const RoundWorkflow = () => {
  const record = useRecordContext<RoundRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const { workflow, error } = useRoundWorkflow(record?.id);
  if (!record) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!workflow) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  const label = stateLabels(workflow);
  const roleLabel = (role: string) => (isStaffRole(role) ? translate(`app.roles.${role}`) : translate(`app.workflow.role_names.${role}`, { _: role }));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(workflow.mermaid);
      notify('app.workflow.copied', { type: 'info' });
    } catch {
      // no clipboard (plain http): the text stays selectable
    }
  };
  return (
    <Box component="section" data-testid="round-workflow" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.workflow.title')}
        {workflow.definition.label ? (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {workflow.definition.label}
            {workflow.definition.version ? ` (v${workflow.definition.version})` : ''}
          </Typography>
        ) : null}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {translate('app.workflow.states')}
      </Typography>
      <Table size="small" data-testid="workflow-states" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.workflow.state_code')}</TableCell>
            <TableCell>{translate('app.workflow.state_label')}</TableCell>
            <TableCell>{translate('app.workflow.state_kind')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {workflow.definition.states.map((s) => (
            <TableRow key={s.code}>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{s.code}</TableCell>
              <TableCell>{s.label}</TableCell>
              <TableCell>{translate(`app.workflow.kinds.${s.kind}`, { _: s.kind })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" component="h3">
        {translate('app.workflow.transitions')}
      </Typography>
      <Table size="small" data-testid="workflow-transitions" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.workflow.transition')}</TableCell>
            <TableCell>{translate('app.workflow.from_to')}</TableCell>
            <TableCell>{translate('app.workflow.roles')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {workflow.definition.transitions.map((t) => (
            <TableRow key={t.name}>
              <TableCell>
                {t.label}
                <Typography component="div" variant="caption" color="text.secondary" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                  {t.name}
                </Typography>
              </TableCell>
              <TableCell>
                {t.from.map(label).join('・')} → {label(t.to)}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {t.roles.map((r) => (
                    <Chip key={r} size="small" variant="outlined" label={roleLabel(r)} />
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3">
          {translate('app.workflow.mermaid')}
        </Typography>
        <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('app.workflow.copy')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.workflow.mermaid_help')}
      </Typography>
      <Box
        component="pre"
        data-testid="workflow-mermaid"
        sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflowX: 'auto', userSelect: 'all', maxHeight: 360 }}
      >
        {workflow.mermaid}
      </Box>
    </Box>
  );
};
