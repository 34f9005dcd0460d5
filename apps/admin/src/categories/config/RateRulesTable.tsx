import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { RateRule } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { AssumptionNote } from '../../common';
import { conditionParts, tierLines } from './describe';

/** 補助率: one row per rule (the first that matches the applicant wins), tiers line by line. */
export const RateRulesTable = ({ rates }: { rates: readonly RateRule[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ width: 'auto' }} data-testid="rate-rules">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.rules.config.rate_target')}</TableCell>
          <TableCell>{translate('app.rules.config.rate_condition')}</TableCell>
          <TableCell>{translate('app.rules.config.rate_tiers')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rates.map((r, i) => {
          const parts = conditionParts(r.when);
          return (
            <TableRow key={`${r.label}-${i}`} sx={{ verticalAlign: 'top' }}>
              <TableCell>{r.label}</TableCell>
              <TableCell>
                {parts.length ? parts.map((p) => (p.key ? translate(p.key) : p.text)).join('、') : translate('app.rules.config.any_applicant')}
              </TableCell>
              <TableCell>
                {tierLines(r.tiers).map((line, j) => (
                  <Typography key={j} variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                    {line.kind === 'upTo'
                      ? `${translate('app.rules.config.tier_up_to', { amount: line.amount })}: `
                      : line.kind === 'rest'
                        ? `${translate('app.rules.config.tier_rest')}: `
                        : ''}
                    <strong>{line.rate}</strong>
                  </Typography>
                ))}
                {r.assumption && (
                  <Box sx={{ maxWidth: 480 }}>
                    <AssumptionNote text={r.assumption} />
                  </Box>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
