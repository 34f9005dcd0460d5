import { useEffect, useState } from 'react';
import { Chip, Stack, Typography } from '@mui/material';
import TimerOutlinedIcon from '@mui/icons-material/TimerOutlined';
import { useTranslate } from 'react-admin';
import { formatJst } from '../common';
import { remaining } from './countdown';

/** The 締切 in JST to the second, and the time left, ticking every second (締切済み after it). */
export const DeadlineCountdown = ({ deadline }: { deadline: string }) => {
  const translate = useTranslate();
  const [now, setNow] = useState(() => new Date());
  const at = new Date(deadline);
  const left = remaining(at, now);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="deadline-countdown">
      <Typography variant="body2">{translate('app.dashboard.pipeline.deadline', { at: formatJst(at) })}</Typography>
      <Chip
        size="small"
        icon={<TimerOutlinedIcon />}
        color={left ? 'warning' : 'default'}
        variant={left ? 'filled' : 'outlined'}
        label={left ? translate('app.dashboard.pipeline.countdown', { left }) : translate('app.dashboard.pipeline.closed')}
        data-testid="deadline-left"
      />
    </Stack>
  );
};
