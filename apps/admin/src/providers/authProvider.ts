import type { AuthProvider, UserIdentity } from 'ra-core';
import { HttpError } from 'ra-core';
import { canAccess } from './canAccess';
import { isAuthResponse, NETWORK_ERROR_MESSAGE, type ApiClient } from './httpClient';
import type { AuthUser, StaffRole } from './roles';
import type { SessionStore } from './session';

/** Where a user who must change the password is sent (a <CustomRoutes noLayout> page). */
export const CHANGE_PASSWORD_PATH = '/change-password';

/** Fallback when the API gives no usable message (react-admin's own key, translated in ja.ts). */
export const SIGN_IN_ERROR_MESSAGE = 'ra.auth.sign_in_error';

export interface LoginParams {
  email?: string;
  /** react-admin's stock LoginForm posts `username`; accept it as the e-mail address. */
  username?: string;
  password: string;
}

export interface ChangePasswordParams {
  currentPassword: string;
  newPassword: string;
}

export interface StaffIdentity extends UserIdentity {
  fullName: string;
  email: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

/** The methods react-admin calls, plus `changePassword` used by the /change-password page. */
export interface JimukyokuAuthProvider extends AuthProvider {
  getIdentity: () => Promise<StaffIdentity>;
  getPermissions: () => Promise<StaffRole | undefined>;
  canAccess: NonNullable<AuthProvider['canAccess']>;
  changePassword: (params: ChangePasswordParams) => Promise<void>;
}

export interface AuthProviderDeps {
  api: ApiClient;
  session: SessionStore;
}

/**
 * Auth against the Jimukyoku API: a short-lived bearer token kept in memory (see session.ts) and an
 * httpOnly refresh cookie that survives reloads. Errors carry the API's Japanese `message` (the same
 * for an unknown e-mail and a wrong password; the time to retry when failures are throttled), which
 * the login page shows as is.
 */
export function createAuthProvider({ api, session }: AuthProviderDeps): JimukyokuAuthProvider {
  const url = (path: string) => `${api.apiUrl}${path}`;

  /** The signed-in user: from memory, or restored through the refresh cookie after a reload. */
  const currentUser = async (): Promise<AuthUser | null> => session.get()?.user ?? (await api.refresh());

  const toIdentity = (user: AuthUser): StaffIdentity => ({
    id: user.id,
    fullName: user.name,
    email: user.email,
    role: user.role,
    mustChangePassword: !!user.mustChangePassword,
  });

  return {
    async login(params: LoginParams) {
      const email = (params.email ?? params.username ?? '').trim();
      let json: unknown;
      try {
        ({ json } = await api.fetchJson(url('/auth/login'), {
          method: 'POST',
          body: JSON.stringify({ email, password: params.password }),
        }));
      } catch (error) {
        throw new Error(messageOf(error, SIGN_IN_ERROR_MESSAGE));
      }
      if (!isAuthResponse(json)) throw new Error(SIGN_IN_ERROR_MESSAGE);
      const { user } = session.set(json);
      // Returning no `redirectTo` lets react-admin go back to the page that asked for a login.
      return user.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
    },

    async logout() {
      try {
        // The API revokes the session named by the bearer token and clears the refresh cookie. With no
        // session in memory (react-admin also calls logout when checkAuth fails on a first visit, i.e.
        // the refresh cookie was refused) there is nothing left to revoke.
        if (session.get()) await api.httpClient(url('/auth/logout'), { method: 'POST' });
      } catch {
        // Signed out locally either way; an unreachable server leaves the session to expire.
      } finally {
        session.clear();
      }
    },

    async checkAuth() {
      if (session.get()) return;
      const user = await api.refresh();
      // message: false → no "please log in" toast on a first visit; the login page speaks for itself.
      if (!user) throw { message: false };
    },

    async checkError(error: unknown) {
      const { status, body } = (error ?? {}) as { status?: number; body?: { code?: unknown } };
      // The httpClient already tried one refresh and a retry; a 401 reaching here means the session
      // is over (expired, logged out elsewhere, account deactivated).
      if (status === 401) throw { message: 'ra.notification.logged_out' };
      // The API refuses everything but /auth/* until a pending password change is done (e.g. an admin
      // reset it while this user was signed in): go to the form instead of showing the error.
      if (status === 403 && body?.code === 'PASSWORD_CHANGE_REQUIRED') {
        session.updateUser({ mustChangePassword: true });
        throw { logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false };
      }
      // Any other 403 means "not allowed", not "not signed in": stay, the page shows the message.
    },

    async getIdentity() {
      const user = await currentUser();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return toIdentity(user);
    },

    async getPermissions() {
      return (await currentUser())?.role;
    },

    async canAccess({ resource, action }) {
      const user = await currentUser();
      return !!user && canAccess(user.role, resource, action);
    },

    async changePassword({ currentPassword, newPassword }) {
      try {
        await api.httpClient(url('/auth/password'), {
          method: 'POST',
          body: JSON.stringify({ currentPassword, newPassword }),
        });
      } catch (error) {
        throw new ApiError(error);
      }
      // The server may rotate tokens (and clear the flag in its claims) on a password change; take a
      // fresh token if it offers one, and drop the flag locally either way.
      const refreshed = await api.refresh();
      if (!refreshed || refreshed.mustChangePassword) session.updateUser({ mustChangePassword: false });
    },
  };
}

/** An API failure re-thrown with what a form needs: the Japanese message and per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(error: unknown) {
    super(messageOf(error, 'ra.notification.http_error'));
    this.name = 'ApiError';
    const body = error instanceof HttpError ? (error.body as Record<string, unknown> | undefined) : undefined;
    this.status = error instanceof HttpError ? error.status : 0;
    this.code = typeof body?.code === 'string' ? body.code : undefined;
    this.fieldErrors = Array.isArray(body?.errors)
      ? (body.errors as unknown[]).filter(
          (e): e is { field: string; message: string } =>
            typeof (e as { field?: unknown })?.field === 'string' && typeof (e as { message?: unknown })?.message === 'string',
        )
      : [];
  }
}

/** The API's own message when it sent one (`{ statusCode, code, message }`), else `fallback`. */
function messageOf(error: unknown, fallback: string): string {
  if (error instanceof HttpError) {
    if (error.status === 0) return NETWORK_ERROR_MESSAGE;
    const body = error.body as { message?: unknown } | undefined;
    if (typeof body?.message === 'string' && body.message.trim()) return body.message;
  }
  return fallback;
}
