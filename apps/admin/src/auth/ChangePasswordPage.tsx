import { useState } from 'react';
import { Alert, Button, CardContent, CircularProgress, Stack } from '@mui/material';
import PasswordIcon from '@mui/icons-material/Password';
import {
  AuthLayout,
  Authenticated,
  Form,
  PasswordInput,
  required,
  useAuthProvider,
  useGetIdentity,
  useLogout,
  useNavigate,
  useNotify,
  useTranslate,
} from 'react-admin';
import { ApiError, type JimukyokuAuthProvider } from '../providers/authProvider';
import { AuthHeader } from './AuthHeader';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

const validateForm = (values: Partial<ChangePasswordValues>) => {
  const errors: Partial<Record<keyof ChangePasswordValues, string>> = {};
  if (values.newPassword && values.currentPassword && values.newPassword === values.currentPassword) {
    errors.newPassword = 'app.auth.new_password_same_as_current';
  }
  if (values.newPasswordConfirm && values.newPassword !== values.newPasswordConfirm) {
    errors.newPasswordConfirm = 'app.auth.passwords_do_not_match';
  }
  return errors;
};

/** One message per field: several problems with the same field are shown together. */
const fieldMessages = (errors: { field: string; message: string }[]) =>
  errors.reduce<Record<string, string>>(
    (byField, { field, message }) => ({ ...byField, [field]: byField[field] ? `${byField[field]} ${message}` : message }),
    {},
  );

const ChangePasswordForm = () => {
  const translate = useTranslate();
  const authProvider = useAuthProvider() as JimukyokuAuthProvider;
  const { identity, refetch } = useGetIdentity();
  const navigate = useNavigate();
  const notify = useNotify();
  const logout = useLogout();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const forced = identity?.mustChangePassword === true;

  const submit = async (values: Partial<ChangePasswordValues>) => {
    setSubmitting(true);
    setError(null);
    try {
      await authProvider.changePassword({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
      await refetch(); // the layout's guard reads mustChangePassword from the identity
      notify('app.auth.password_changed', { type: 'success' });
      navigate('/');
      return undefined;
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(e);
      setError(translate(apiError.message, { _: apiError.message }));
      // The API's per-field messages (each problem the password policy found) go under the fields.
      return fieldMessages(apiError.fieldErrors);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout>
      <AuthHeader icon={<PasswordIcon />} title={translate('app.auth.change_password')} />
      <Form onSubmit={submit} validate={validateForm} noValidate>
        {/* an edit takes the API's refusal away: the next problem (the form's own checks among them) is not shown beside a stale one */}
        <CardContent sx={{ width: 380, maxWidth: '100%' }} onChange={() => setError(null)}>
          {forced && (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="must-change-password">
              {translate('app.auth.change_password_required')}
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="change-password-error">
              {error}
            </Alert>
          )}
          <PasswordInput
            autoFocus
            source="currentPassword"
            label={translate('app.auth.current_password')}
            autoComplete="current-password"
            validate={required()}
          />
          <PasswordInput
            source="newPassword"
            label={translate('app.auth.new_password')}
            helperText={translate('app.auth.new_password_help')}
            autoComplete="new-password"
            validate={required()}
          />
          <PasswordInput source="newPasswordConfirm" label={translate('app.auth.new_password_confirm')} autoComplete="new-password" validate={required()} />
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            {/* A forced change has no way back into the app, only out of it. */}
            <Button variant="text" onClick={() => (forced ? logout() : navigate('/'))} disabled={submitting} sx={{ whiteSpace: 'nowrap' }}>
              {translate(forced ? 'ra.auth.logout' : 'ra.action.cancel')}
            </Button>
            <Button variant="contained" type="submit" color="primary" disabled={submitting} fullWidth>
              {submitting ? <CircularProgress size={19} thickness={3} /> : translate('ra.action.save')}
            </Button>
          </Stack>
        </CardContent>
      </Form>
    </AuthLayout>
  );
};

/** POST /api/auth/password, outside the layout; forced after a login with mustChangePassword. */
export const ChangePasswordPage = () => (
  <Authenticated>
    <ChangePasswordForm />
  </Authenticated>
);
