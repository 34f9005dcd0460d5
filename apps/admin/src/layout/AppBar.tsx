import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, useTranslate } from 'react-admin';
import { RoleChip } from './RoleChip';
import { UserMenu } from './UserMenu';

/** 事務局 on the left, the page title next to it, the role and the user menu on the right. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar userMenu={<UserMenu />}>
      <Typography component="span" variant="h6" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }} data-testid="app-title">
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" sx={{ opacity: 0.85 }} />
      <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', mr: 1 }}>
        <RoleChip sx={{ color: 'inherit', borderColor: 'currentColor', '& .MuiChip-icon': { color: 'inherit' } }} />
      </Box>
    </RaAppBar>
  );
};
