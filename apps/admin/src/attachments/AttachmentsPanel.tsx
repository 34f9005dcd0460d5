import { useEffect, useState } from 'react';
import { Alert, Box, Button, LinearProgress, List, ListItem, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatJst } from '../common';
import { type Attachment, listAttachments } from './api';
import { formatBytes } from './format';

/** The attachments of an application, loaded once per application id. */
export function useAttachments(applicationId: string | undefined) {
  const [state, setState] = useState<{ rows: Attachment[] | null; error: string | null }>({ rows: null, error: null });
  useEffect(() => {
    if (!applicationId) return;
    let live = true;
    setState({ rows: null, error: null });
    listAttachments(applicationId)
      .then((rows) => live && setState({ rows, error: null }))
      .catch((e: Error) => live && setState({ rows: null, error: e.message }));
    return () => {
      live = false;
    };
  }, [applicationId]);
  return state;
}

/**
 * 添付書類: one line per document — 種類 (in Japanese), file name, size, SHA-256 (shortened; the
 * whole hash on hover), 登録日時 in JST — and a 表示 button that hands it to the viewer.
 */
export const AttachmentsPanel = ({
  rows,
  error,
  selectedId,
  onSelect,
}: {
  rows: Attachment[] | null;
  error: string | null;
  selectedId: string | null;
  onSelect: (a: Attachment) => void;
}) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.attachments.${k}`, o);
  if (error) return <Alert severity="warning">{error}</Alert>;
  if (!rows) return <LinearProgress />;
  if (rows.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="attachments-empty">
        {t('none')}
      </Typography>
    );
  return (
    <List dense disablePadding data-testid="attachments-panel">
      {rows.map((a) => {
        const selected = a.id === selectedId;
        return (
          <ListItem
            key={a.id}
            divider
            data-testid="attachment-row"
            data-attachment-id={a.id}
            sx={{ alignItems: 'flex-start', gap: 1, bgcolor: selected ? 'action.selected' : undefined }}
          >
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="caption" color="text.secondary" component="div" data-testid="attachment-kind">
                {a.kindLabel}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} data-testid="attachment-file-name">
                {a.fileName}
              </Typography>
              <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary' }}>
                <Typography variant="caption" data-testid="attachment-size">
                  {formatBytes(a.sizeBytes)}
                </Typography>
                <Tooltip title={t('sha256_full', { hash: a.sha256 })}>
                  <Typography variant="caption" sx={{ fontFamily: 'monospace' }} data-testid="attachment-sha256" data-sha256={a.sha256}>
                    {`${t('sha256')} ${a.sha256.slice(0, 12)}…`}
                  </Typography>
                </Tooltip>
                <Typography variant="caption" component="time" dateTime={a.uploadedAt} data-testid="attachment-uploaded-at">
                  {formatJst(a.uploadedAt)}
                </Typography>
              </Stack>
            </Box>
            <Button
              size="small"
              variant={selected ? 'contained' : 'outlined'}
              onClick={() => onSelect(a)}
              aria-label={`${t('view')}: ${a.fileName}`}
              sx={{ flexShrink: 0, mt: 0.5 }}
            >
              {selected ? t('viewing') : t('view')}
            </Button>
          </ListItem>
        );
      })}
    </List>
  );
};
