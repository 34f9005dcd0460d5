import { useContext, useMemo } from 'react';
import { DataProviderContext, useLogoutIfAccessDenied } from 'react-admin';
import type { JimukyokuDataProvider } from './dataProvider';

/**
 * The data provider for the app's own calls (a transition, a 再送, a パスワード再設定 …): every call either resolves
 * with the API's answer or rejects. react-admin's `useDataProvider` answers a call whose 401 ended the session
 * with a made-up `{ data: {} }` instead of failing (ra-core's useDataProvider hook, after logoutIfAccessDenied), so a
 * button awaiting it showed its success notice for a change the API had refused (「ユーザーを無効化しました」 after
 * a 401). Here the session still ends the same way (authProvider.checkError, then the login page), and the
 * caller's `catch` runs.
 */
export function useApi(): JimukyokuDataProvider {
  const provider = useContext(DataProviderContext) as JimukyokuDataProvider | null;
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useMemo(() => {
    if (!provider) throw new Error('useApi must be used inside <Admin>');
    return new Proxy(provider, {
      get(target, name, receiver) {
        const method = Reflect.get(target, name, receiver);
        if (typeof method !== 'function') return method;
        return async (...args: unknown[]) => {
          try {
            return await method.apply(target, args);
          } catch (error) {
            await logoutIfAccessDenied(error);
            throw error;
          }
        };
      },
    });
  }, [provider, logoutIfAccessDenied]);
}

/**
 * Whether a react-admin mutation's `onSuccess` got a record from the API. A 401 that ended the session reaches
 * `onSuccess` too, with `{}` (see useApi): no success notice for it.
 */
export function isApiRecord(data: unknown): data is { id: string | number } {
  return typeof data === 'object' && data !== null && 'id' in data && (data as { id: unknown }).id !== undefined;
}
