import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import PasswordIcon from '@mui/icons-material/Password';
import { Logout, UserMenu as RaUserMenu, useNavigate, useTranslate, useUserMenu } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../providers/authProvider';

const ChangePasswordMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const navigate = useNavigate();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        navigate(CHANGE_PASSWORD_PATH);
      }}
    >
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.auth.change_password')}</ListItemText>
    </MenuItem>
  );
};

/** The stock user menu (name from getIdentity) with パスワード変更 above ログアウト. */
export const UserMenu = () => (
  <RaUserMenu>
    <ChangePasswordMenuItem />
    <Logout />
  </RaUserMenu>
);
