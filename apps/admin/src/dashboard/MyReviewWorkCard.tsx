import { Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { Button, useCanAccess, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { listOf } from './pipeline';
import { MyReviewQueue } from './MyReviewQueue';

const ONE = { page: 1, perPage: 1 };
const SORT = { field: 'dueAt', order: 'ASC' as const };

/** A reviewer's work: score sheets still to submit (and overdue), 要件確認 still to complete, and the queue itself. */
export const MyReviewWorkCard = () => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.dashboard.my_work.${k}`, o);
  const { canAccess } = useCanAccess({ resource: 'score-sheets', action: 'list' });
  const open = useGetList('score-sheets', { filter: { state: 'open' }, pagination: ONE, sort: SORT }, { enabled: canAccess });
  const overdue = useGetList('score-sheets', { filter: { state: 'overdue' }, pagination: ONE, sort: SORT }, { enabled: canAccess });
  const checks = useGetList('review-assignments', { filter: { purpose: 'formalCheck', state: 'open' }, pagination: ONE, sort: SORT }, { enabled: canAccess });
  if (!canAccess) return null;
  return (
    <Card data-testid="my-review-work">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('title')}
        </Typography>
        <Stack direction="row" spacing={4}>
          <Typography component={Link} to={listOf('score-sheets', { state: 'open' })} data-testid="my-open-sheets">
            {t('open_sheets', { n: open.total ?? '…' })}
          </Typography>
          <Typography
            component={Link}
            to={listOf('score-sheets', { state: 'overdue' })}
            color={overdue.total ? 'error' : 'text.primary'}
            data-testid="my-overdue-sheets"
          >
            {t('overdue_sheets', { n: overdue.total ?? '…' })}
          </Typography>
          <Typography component={Link} to={listOf('review-assignments', { purpose: 'formalCheck', state: 'open' })} data-testid="my-formal-checks">
            {t('formal_checks', { n: checks.total ?? '…' })}
          </Typography>
        </Stack>
        <MyReviewQueue />
      </CardContent>
      <CardActions>
        <Button component={Link} to={listOf('score-sheets', { state: 'open' })} label="app.dashboard.my_work.to_sheets" />
        <Button component={Link} to={listOf('review-assignments', { purpose: 'formalCheck', state: 'open' })} label="app.dashboard.my_work.to_formal_checks" />
      </CardActions>
    </Card>
  );
};
