import { useEffect, useState } from 'react';
import { Alert, Button, CardContent, CircularProgress } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { AuthLayout, email, Form, PasswordInput, required, TextInput, useCheckAuth, useLogin, useNavigate, useTranslate } from 'react-admin';
import { AuthHeader } from './AuthHeader';

interface LoginValues {
  email: string;
  password: string;
}

/**
 * E-mail and password, with the API's own message (wrong e-mail or password, throttled until a JST time, ...)
 * shown inside the form rather than in a toast that disappears.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Already signed in (e.g. the refresh cookie is still valid)? Go straight to the dashboard.
  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const submit = async (values: Partial<LoginValues>) => {
    setSubmitting(true);
    setError(null);
    try {
      await login({ email: values.email, password: values.password });
    } catch (e) {
      const message = e instanceof Error && e.message ? e.message : 'ra.auth.sign_in_error';
      setError(translate(message, { _: message }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout>
      <AuthHeader icon={<LockIcon />} title={translate('app.auth.sign_in_title')} />
      <Form onSubmit={submit} noValidate>
        <CardContent sx={{ width: 340, maxWidth: '100%' }}>
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="login-error">
              {error}
            </Alert>
          )}
          <TextInput autoFocus source="email" type="email" label={translate('ra.auth.email')} autoComplete="username" validate={[required(), email()]} />
          <PasswordInput source="password" label={translate('ra.auth.password')} autoComplete="current-password" validate={required()} />
          <Button variant="contained" type="submit" color="primary" disabled={submitting} fullWidth sx={{ mt: 2 }}>
            {submitting ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
          </Button>
        </CardContent>
      </Form>
    </AuthLayout>
  );
};
