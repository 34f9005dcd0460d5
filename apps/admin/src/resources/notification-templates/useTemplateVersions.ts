import { useEffect, useState } from 'react';
import { useApi } from '../../providers/useApi';
import type { TemplateVersionRecord } from './template';

/** GET /api/notification-templates/:code/versions, reloaded when the latest version changes (after a save). */
export function useTemplateVersions(code: string | undefined, latestVersion: number | undefined) {
  const dataProvider = useApi();
  const [state, setState] = useState<{ key?: string; versions?: TemplateVersionRecord[]; error?: unknown }>({});
  const key = code ? `${code}@${latestVersion}` : undefined;
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    dataProvider.getTemplateVersions(code).then(
      (versions) => !cancelled && setState({ key: `${code}@${latestVersion}`, versions }),
      (error: unknown) => !cancelled && setState({ key: `${code}@${latestVersion}`, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, code, latestVersion]);
  return state.key === key ? { versions: state.versions, error: state.error } : { versions: undefined, error: undefined };
}
