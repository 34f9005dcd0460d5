import { Chip, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatJst } from '../common';
import type { RuleSetRecord } from './ruleSet';

/**
 * ロック済: the rule set has applications, so its rules can no longer change (a new version is made
 * instead); the tooltip says since when, in JST.
 */
export const LockChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.lockedAt) {
    return <Chip size="small" variant="outlined" icon={<LockOpenIcon />} label={translate('app.rules.unlocked')} />;
  }
  return (
    <Chip
      size="small"
      color="warning"
      icon={<LockIcon />}
      label={translate('app.rules.locked')}
      title={translate('app.rules.locked_at', { date: formatJst(record.lockedAt) })}
      data-testid="rule-set-locked"
    />
  );
};

/** 版: 第1版, 第2版 ... */
export const VersionField = (_props: { label?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate('app.rules.version', { version: record.version })}
    </Typography>
  );
};
