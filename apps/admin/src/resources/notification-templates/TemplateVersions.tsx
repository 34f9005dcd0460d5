import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Chip, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useRecordContext, useTranslate } from 'react-admin';
import { useLocation } from 'react-router';
import { formatJst } from '../../common';
import type { TemplateRecord } from './template';
import { useTemplateVersions } from './useTemplateVersions';

const pre = {
  m: 0,
  p: 1.5,
  bgcolor: 'action.hover',
  borderRadius: 1,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  fontFamily: 'inherit',
  fontSize: 14,
} as const;

/**
 * 版の履歴: every saved version, newest first, with who saved it, when, and how many notifications
 * were rendered from it. `?version=<n>` (the link on a notification) opens and marks that version.
 */
export const TemplateVersions = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const location = useLocation();
  const { versions, error } = useTemplateVersions(record?.code, record?.version);
  const selected = Number(new URLSearchParams(location.search).get('version') ?? NaN);
  if (!record) return null;
  return (
    <Box data-testid="template-versions" sx={{ width: '100%', mt: 2 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.notification_templates.history')}
      </Typography>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {versions && versions.length === 0 ? <Typography variant="body2">{translate('app.notification_templates.no_versions')}</Typography> : null}
      {versions?.map((v) => (
        <Accordion
          key={v.id}
          defaultExpanded={v.version === selected}
          disableGutters
          data-testid={`template-version-${v.version}`}
          sx={v.version === selected ? { outline: 2, outlineColor: 'primary.main' } : undefined}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography sx={{ fontWeight: 600 }}>{translate('app.notification_templates.version', { version: v.version })}</Typography>
              {v.version === record.version ? <Chip size="small" color="success" label={translate('app.notification_templates.current')} /> : null}
              {v.version === selected ? <Chip size="small" color="primary" label={translate('app.notification_templates.selected')} /> : null}
              <Typography variant="body2" color="text.secondary">
                {formatJst(v.createdAt)} {v.createdByName ?? translate('app.common.system')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('app.notification_templates.notification_count', { count: v.notificationCount.toLocaleString('ja-JP') })}
              </Typography>
            </Box>
          </AccordionSummary>
          <AccordionDetails>
            <Typography variant="subtitle2">{translate('resources.notification-templates.fields.subject')}</Typography>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {v.subject}
            </Typography>
            <Typography variant="subtitle2">{translate('resources.notification-templates.fields.bodyText')}</Typography>
            <Box component="pre" sx={pre}>
              {v.bodyText}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
};
