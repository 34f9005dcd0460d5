export { LoginPage } from './LoginPage';
export { ChangePasswordPage } from './ChangePasswordPage';
