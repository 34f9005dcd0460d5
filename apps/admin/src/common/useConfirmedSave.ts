import { useNotify, useRedirect, useResourceContext, type RedirectionSideEffect } from 'react-admin';
import { isApiRecord } from '../providers/useApi';

/**
 * `mutationOptions` for a stock <Edit> or <Create> whose success notice and redirect wait for the API's record.
 * react-admin's own `onSuccess` also ran for a save answered 401 that ended the session (it gets a made-up `{}`,
 * providers/useApi.ts): it showed 「1 件を更新しました」 and went to `/<resource>/undefined/show` for a change the
 * API had refused. `notice` is the translation key of the success notice.
 */
export function useConfirmedSave(notice: 'ra.notification.created' | 'ra.notification.updated', redirectTo: RedirectionSideEffect) {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return {
    onSuccess: (data: unknown) => {
      if (!isApiRecord(data)) return;
      notify(notice, { type: 'info', messageArgs: { smart_count: 1 } });
      if (redirectTo !== false) redirect(redirectTo, resource, data.id, data);
    },
  };
}
