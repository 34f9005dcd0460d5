import type { ReactNode } from 'react';
import { Avatar, Box, Typography } from '@mui/material';

/** Icon and heading at the top of the login and password cards. */
export const AuthHeader = ({ icon, title }: { icon: ReactNode; title: string }) => (
  <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 3, px: 2 }}>
    <Avatar sx={{ bgcolor: 'secondary.main', mb: 1 }}>{icon}</Avatar>
    <Typography component="h1" variant="h6" align="center">
      {title}
    </Typography>
  </Box>
);
