import { useEffect, useState } from 'react';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailReadOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { ListItemIcon, ListItemText, MenuItem, Tooltip } from '@mui/material';
import { useCanAccess, useSidebarState, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';

/**
 * 「メール確認画面を開く」: in development, the mail catcher's page (mailpit, or the one `npm start`
 * embeds) where the emails sent can be read; shown to those who read notifications, only when the API
 * knows its address (MAIL_WEB_URL).
 */
export const MailWebMenuItem = () => {
  const dataProvider = useApi();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const [webUrl, setWebUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!canAccess) return;
    let cancelled = false;
    dataProvider.getDevMail().then(
      (r) => !cancelled && setWebUrl(r.webUrl),
      () => !cancelled && setWebUrl(null),
    );
    return () => {
      cancelled = true;
    };
  }, [dataProvider, canAccess]);
  if (!canAccess || !webUrl) return null;
  const label = translate('app.notification_templates.open_mail_web');
  return (
    <Tooltip title={open ? '' : label} placement="right">
      <MenuItem component="a" href={webUrl} target="_blank" rel="noopener noreferrer" data-testid="mail-web-link">
        <ListItemIcon sx={{ minWidth: 40 }}>
          <MarkEmailReadIcon fontSize="small" />
        </ListItemIcon>
        {open ? <ListItemText primary={label} /> : null}
        {open ? <OpenInNewIcon fontSize="inherit" sx={{ ml: 1, color: 'text.secondary' }} /> : null}
      </MenuItem>
    </Tooltip>
  );
};
