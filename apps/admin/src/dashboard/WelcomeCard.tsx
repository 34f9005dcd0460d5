import { Box, Card, CardContent, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { useGetIdentity, useTranslate } from 'react-admin';
import { RoleChip } from '../layout/RoleChip';

/** 事務局 管理画面: who is signed in, and as which role. */
export const WelcomeCard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  return (
    <Card data-testid="welcome-card">
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <AccountBalanceIcon color="primary" sx={{ fontSize: 48 }} />
        <Box sx={{ flex: 1 }}>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.dashboard.welcome_title')}
          </Typography>
          {!isPending && identity?.fullName && (
            <Typography variant="body1" gutterBottom data-testid="welcome-name">
              {translate('app.dashboard.welcome_body', { name: identity.fullName })}
            </Typography>
          )}
          <RoleChip color="primary" sx={{ mb: 1 }} />
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.empty')}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
