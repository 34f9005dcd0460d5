import { useEffect } from 'react';
import { useGetIdentity, useNavigate } from 'react-admin';
import { CHANGE_PASSWORD_PATH } from '../providers/authProvider';

/**
 * Sends a user whose password must be changed (first login, reset by an admin) to /change-password
 * from any page inside the layout, including after a reload, when login() did not run. The page lives
 * outside the layout, so this cannot loop. The API remains the authority on what such a user may do.
 */
export const MustChangePasswordGuard = () => {
  const { identity } = useGetIdentity();
  const navigate = useNavigate();
  const mustChange = identity?.mustChangePassword === true;
  useEffect(() => {
    if (mustChange) navigate(CHANGE_PASSWORD_PATH, { replace: true });
  }, [mustChange, navigate]);
  return null;
};
