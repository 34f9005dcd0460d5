import { type ReactNode, useState } from 'react';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Attachment } from './api';
import { AttachmentsPanel, useAttachments } from './AttachmentsPanel';
import { AttachmentViewer } from './AttachmentViewer';

/** The panel and, once a document is chosen, the viewer under it. */
export const AttachmentsWorkspace = ({ applicationId, viewerHeight }: { applicationId: string; viewerHeight?: string | number }) => {
  const translate = useTranslate();
  const { rows, error } = useAttachments(applicationId);
  const [selected, setSelected] = useState<Attachment | null>(null);
  return (
    <Box data-testid="attachments">
      <AttachmentsPanel rows={rows} error={error} selectedId={selected?.id ?? null} onSelect={setSelected} />
      {rows && rows.length > 0 && (
        <Box sx={{ mt: 2 }}>
          {selected ? (
            <AttachmentViewer key={selected.id} attachment={selected} height={viewerHeight} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('app.attachments.choose')} {translate('app.attachments.audited')}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
};

/** The application's 添付書類 tab (show page): the documents and the viewer, full width. */
export const AttachmentsTab = () => {
  const record = useRecordContext<{ id: string }>();
  if (!record?.id) return null;
  return <AttachmentsWorkspace applicationId={String(record.id)} viewerHeight="75vh" />;
};

/**
 * Puts the application's documents beside a form (the 要件確認 checklist, the 採点票): the form on
 * the left, the 添付書類 panel and viewer in a sticky column on the right (under the form on narrow
 * screens), which can be folded away. The form keeps its place in the tree while the application id
 * is still loading, so it is not mounted twice.
 */
export const WithAttachments = ({ applicationId, children }: { applicationId: string | undefined; children: ReactNode }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(true);
  return (
    <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2, alignItems: 'flex-start' }}>
      <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>{children}</Box>
      {applicationId && (
        <Box
          component="aside"
          data-testid="attachments-beside"
          sx={{ width: { xs: '100%', md: open ? '45%' : 'auto' }, flexShrink: 0, position: { md: 'sticky' }, top: { md: 72 }, alignSelf: 'flex-start' }}
        >
          {open ? (
            <Card variant="outlined">
              <CardContent sx={{ '&:last-child': { pb: 2 } }}>
                <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
                  <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                    {translate('app.attachments.title')}
                  </Typography>
                  <Button size="small" onClick={() => setOpen(false)}>
                    {translate('app.attachments.hide')}
                  </Button>
                </Box>
                <AttachmentsWorkspace applicationId={applicationId} viewerHeight="calc(100vh - 320px)" />
              </CardContent>
            </Card>
          ) : (
            <Button variant="outlined" size="small" onClick={() => setOpen(true)} sx={{ mt: 2 }}>
              {translate('app.attachments.show')}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
};
