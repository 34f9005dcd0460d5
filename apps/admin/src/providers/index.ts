import { createAuthProvider } from './authProvider';
import { createDataProvider } from './dataProvider';
import { createDownloader, createFileRequester } from './download';
import { createApiClient } from './httpClient';
import { createSessionStore } from './session';

/** The app's single wiring of the providers; tests build their own with a fake fetch. */
export const session = createSessionStore();
export const api = createApiClient({ session });
export const authProvider = createAuthProvider({ api, session });
export const dataProvider = createDataProvider(api.httpClient);
/** Saves an authenticated download (import templates) as a file. */
export const download = createDownloader({ api, session });
/** POSTs for a file that may come at once or later (application exports). */
export const requestFile = createFileRequester({ api, session });
export type { FileAnswer } from './download';

export type { JimukyokuDataProvider } from './dataProvider';
export { canAccess, ACCESS_TABLE, type Action } from './canAccess';
export { CHANGE_PASSWORD_PATH, ApiError, type StaffIdentity, type JimukyokuAuthProvider } from './authProvider';
export { STAFF_ROLES, type StaffRole } from './roles';
export { useApi, isApiRecord } from './useApi';
