import { useEffect, useState } from 'react';
import { useApi } from '../../providers/useApi';
import type { TemplatePreview, TemplatePreviewBody } from './template';

export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The live preview: POST /api/notification-templates/:code/preview with the draft as it is typed,
 * sent once typing pauses (debounced); an answer to an older draft never replaces a newer one.
 */
export function useTemplatePreview(code: string | undefined, draft: TemplatePreviewBody) {
  const dataProvider = useApi();
  const [state, setState] = useState<{ preview?: TemplatePreview; error?: string; loading: boolean }>({ loading: false });
  const { subject, bodyText, applicationId } = draft;
  useEffect(() => {
    if (!code || !subject || !bodyText) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      dataProvider.previewTemplate(code, { subject, bodyText, ...(applicationId ? { applicationId } : {}) }).then(
        (preview) => !cancelled && setState({ preview, loading: false }),
        (error: unknown) => !cancelled && setState((s) => ({ preview: s.preview, error: (error as Error)?.message ?? String(error), loading: false })),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [dataProvider, code, subject, bodyText, applicationId]);
  return state;
}
