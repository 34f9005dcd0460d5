import { useEffect, useState } from 'react';
import { Alert, Box, Link, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type Attachment, fetchAttachmentContent } from './api';

/**
 * Shows one attachment inline: its bytes are fetched with the session's token into a blob: URL
 * (revoked when another is shown or the viewer goes), a PDF in an <iframe> (the browser's own PDF
 * viewer), an image as <img>.
 */
export const AttachmentViewer = ({ attachment, height = '70vh' }: { attachment: Attachment; height?: string | number }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.attachments.${k}`, o);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | null = null;
    setUrl(null);
    setError(null);
    fetchAttachmentContent(attachment.id, abort.signal)
      .then((blob) => {
        if (abort.signal.aborted) return;
        // typed by what the API recorded at upload (detected from the bytes), whatever the response said
        objectUrl = URL.createObjectURL(new Blob([blob], { type: attachment.contentType }));
        setUrl(objectUrl);
      })
      .catch((e: Error) => {
        if (!abort.signal.aborted) setError(e.message);
      });
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id, attachment.contentType]);

  const isPdf = attachment.contentType === 'application/pdf';
  const isImage = attachment.contentType.startsWith('image/');
  return (
    <Box data-testid="attachment-viewer" data-attachment-id={attachment.id}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {attachment.kindLabel}: {attachment.fileName}
        </Typography>
        {url && (
          <Link href={url} target="_blank" rel="noopener" variant="body2" sx={{ flexShrink: 0 }}>
            {t('open_in_tab')}
          </Link>
        )}
      </Stack>
      {error && <Alert severity="warning">{error}</Alert>}
      {!error && !url && <LinearProgress aria-label={t('loading')} />}
      {url && isPdf && (
        <Box
          component="iframe"
          src={url}
          title={attachment.fileName}
          data-testid="attachment-pdf"
          sx={{ width: '100%', height, border: 1, borderColor: 'divider', borderRadius: 1, display: 'block' }}
        />
      )}
      {url && isImage && (
        <Box sx={{ maxHeight: height, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Box component="img" src={url} alt={attachment.fileName} data-testid="attachment-image" sx={{ maxWidth: '100%', display: 'block' }} />
        </Box>
      )}
      {url && !isPdf && !isImage && <Alert severity="info">{t('unsupported', { type: attachment.contentType })}</Alert>}
    </Box>
  );
};
