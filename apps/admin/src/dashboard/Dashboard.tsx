import { Stack } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { MyReviewWorkCard } from './MyReviewWorkCard';
import { RoundPipelineCards } from './RoundPipelineCards';
import { WelcomeCard } from './WelcomeCard';

/**
 * The home page: a column of widgets, one file each in this folder (react-admin examples/demo
 * dashboard style). Widgets that show a resource should check `useCanAccess` for it themselves.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 1200 }}>
      <Title title={translate('ra.page.dashboard')} />
      <WelcomeCard />
      <MyReviewWorkCard />
      <RoundPipelineCards />
    </Stack>
  );
};
