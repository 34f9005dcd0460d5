import { useState } from 'react';
import { Alert, Box, LinearProgress, Paper, Tab, Tabs, Typography } from '@mui/material';
import { AutocompleteInput, FormDataConsumer, ReferenceInput, useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from './template';
import { useTemplatePreview } from './useTemplatePreview';

/** `RES05-00012345 株式会社さくら精機` in the application chooser */
const applicationText = (r: { receiptNumber?: string | null; applicantName?: string }) => `${r.receiptNumber ?? '-'} ${r.applicantName ?? ''}`;

const Rendered = ({ code, subject, bodyText, applicationId }: { code: string; subject: string; bodyText: string; applicationId?: string }) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<'text' | 'html'>('text');
  const { preview, error, loading } = useTemplatePreview(code, { subject, bodyText, applicationId });
  return (
    <Box>
      <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
      {error ? (
        <Alert severity="error" data-testid="template-preview-error" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
          {error}
        </Alert>
      ) : null}
      {preview ? (
        <Box sx={error ? { opacity: 0.5 } : undefined}>
          <Typography variant="body2" color="text.secondary" data-testid="template-preview-application">
            {preview.application
              ? translate('app.notification_templates.preview_for', { application: applicationText(preview.application) })
              : translate('app.notification_templates.preview_sample')}
          </Typography>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('resources.notification-templates.fields.subject')}
          </Typography>
          <Typography variant="body1" data-testid="template-preview-subject" sx={{ mb: 1, fontWeight: 600 }}>
            {preview.subject}
          </Typography>
          <Tabs value={tab} onChange={(_e, v: 'text' | 'html') => setTab(v)} sx={{ minHeight: 36 }}>
            <Tab value="text" label={translate('app.notification_templates.preview_text')} sx={{ minHeight: 36 }} />
            <Tab value="html" label={translate('app.notification_templates.preview_html')} sx={{ minHeight: 36 }} />
          </Tabs>
          {tab === 'text' ? (
            <Box
              component="pre"
              data-testid="template-preview-text"
              sx={{
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                fontFamily: 'inherit',
                fontSize: 14,
                minHeight: 240,
              }}
            >
              {preview.text}
            </Box>
          ) : (
            // the HTML part exactly as sent, in a sandbox (no scripts, no same-origin access)
            <Box
              component="iframe"
              sandbox=""
              srcDoc={preview.html}
              title={translate('app.notification_templates.preview_html')}
              data-testid="template-preview-html"
              sx={{ width: '100%', minHeight: 360, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'white' }}
            />
          )}
        </Box>
      ) : null}
    </Box>
  );
};

/**
 * プレビュー: the draft in the form, rendered by the API as it would be sent about a chosen application
 * (the latest received one until another is chosen); refreshed as the text is edited. The digest to
 * managers uses today's figures instead of an application.
 */
export const TemplatePreviewPane = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="template-preview">
      <Typography variant="h6">{translate('app.notification_templates.preview')}</Typography>
      {record.audience === 'manager' ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.notification_templates.preview_digest_help')}
        </Typography>
      ) : (
        <ReferenceInput source="previewApplicationId" reference="applications" sort={{ field: 'receivedAt', order: 'DESC' }} perPage={20}>
          <AutocompleteInput
            label="app.notification_templates.preview_application"
            helperText="app.notification_templates.preview_application_help"
            optionText={applicationText}
            filterToQuery={(q: string) => ({ q })}
            fullWidth
          />
        </ReferenceInput>
      )}
      <FormDataConsumer<{ subject?: string; bodyText?: string; previewApplicationId?: string }>>
        {({ formData }) => (
          <Rendered
            code={record.code}
            subject={formData.subject ?? ''}
            bodyText={formData.bodyText ?? ''}
            applicationId={formData.previewApplicationId || undefined}
          />
        )}
      </FormDataConsumer>
    </Paper>
  );
};
