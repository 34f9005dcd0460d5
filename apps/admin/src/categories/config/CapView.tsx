import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { bracketLabel, formatMan, formatRate, SIZE_CLASS_LABELS, type CapRule } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { AssumptionNote } from '../../common';

const amountCell = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** 補助上限額 in the form its rule takes: one amount, a table by 従業員数 or by size class, per participant ... */
export const CapView = ({ cap }: { cap: CapRule }) => {
  const translate = useTranslate();
  const body = (() => {
    switch (cap.kind) {
      case 'fixed':
        return (
          <Typography variant="body2">
            {cap.per && cap.per !== 'application' ? `${translate(`app.rules.config.per.${cap.per}`)} ` : ''}
            <strong>{formatMan(cap.amount)}</strong>
          </Typography>
        );
      case 'byEmployees':
        return (
          <Table size="small" sx={{ width: 'auto' }} data-testid="cap-brackets">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rules.config.employees')}</TableCell>
                <TableCell align="right">{translate('app.rules.config.cap')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {cap.brackets.map((b) => (
                <TableRow key={`${b.min}-${b.max ?? ''}`}>
                  <TableCell>{bracketLabel(b)}</TableCell>
                  <TableCell align="right" sx={amountCell}>
                    {formatMan(b.amount)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        );
      case 'bySizeClass':
        return (
          <Table size="small" sx={{ width: 'auto' }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rules.config.size_class')}</TableCell>
                <TableCell>{translate('app.rules.config.cap')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {cap.entries.map((e) => (
                <TableRow key={e.sizeClasses.join('.')}>
                  <TableCell>{e.sizeClasses.map((c) => SIZE_CLASS_LABELS[c]).join('・')}</TableCell>
                  <TableCell>
                    <CapView cap={e.cap} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        );
      case 'perParticipant':
        return <Typography variant="body2">{translate('app.rules.config.per_participant', { amount: formatMan(cap.amountPerParticipant) })}</Typography>;
      case 'groupBonus':
        return (
          <Box>
            <CapView cap={cap.base} />
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {translate('app.rules.config.group_bonus', {
                rate: formatRate(cap.bonusPerParticipant),
                lead: cap.countsLead ? translate('app.rules.config.group_bonus_lead') : '',
              })}
            </Typography>
          </Box>
        );
      case 'none':
        return <Typography variant="body2">{translate('app.rules.config.no_cap')}</Typography>;
    }
  })();
  return (
    <Box>
      {body}
      <AssumptionNote text={cap.assumption} />
    </Box>
  );
};
