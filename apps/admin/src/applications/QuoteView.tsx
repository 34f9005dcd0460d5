import type { ReactNode } from 'react';
import { Alert, Box, List, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { describeRequirementName, formatRate, formatYen } from '@jimukyoku/domain';
import { useRecordContext, useTranslate } from 'react-admin';
import { useExpenseTypeLabel } from './useExpenseTypeLabel';
import { CaveatNote, JsonField } from '../common';
import type { ApplicationRecord, Quote } from './application';

const yen = (n: number | undefined | null) => (typeof n === 'number' ? formatYen(n) : '-');

const Block = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-testid={testId} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1, borderBottom: 1, borderColor: 'divider' }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const q = (key: string) => `app.applications.quote.${key}`;

/** The parts of a quote: per part, 経費 × 補助率 = 金額 for each rate step, then its 上限. */
const PartsTable = ({ quote }: { quote: Quote }) => {
  const translate = useTranslate();
  const parts = quote.parts ?? [];
  if (parts.length === 0) return null;
  return (
    <Table size="small" data-testid="quote-parts">
      <TableHead>
        <TableRow>
          <TableCell>{translate(q('part'))}</TableCell>
          <TableCell>{translate(q('rate_label'))}</TableCell>
          <TableCell align="right">{translate(q('expenses'))}</TableCell>
          <TableCell align="center">{translate(q('rate'))}</TableCell>
          <TableCell align="right">{translate(q('step_amount'))}</TableCell>
          <TableCell>{translate(q('cap'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {parts.flatMap((part, p) => {
          const steps = part.steps.length ? part.steps : [null];
          return steps.map((step, i) => (
            <TableRow key={`${part.code}-${p}-${i}`}>
              {i === 0 && (
                <>
                  <TableCell rowSpan={steps.length}>
                    {part.label}
                    {part.participant ? ` (${part.participant})` : ''}
                  </TableCell>
                  <TableCell rowSpan={steps.length}>{part.rateLabel || '-'}</TableCell>
                </>
              )}
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {step ? yen(step.expenses) : yen(part.expenseTotal)}
              </TableCell>
              <TableCell align="center" sx={{ whiteSpace: 'nowrap' }}>
                {step ? `× ${formatRate(step.rate)}` : '-'}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {step ? `= ${yen(step.amount)}` : '-'}
              </TableCell>
              {i === 0 && (
                <TableCell rowSpan={steps.length}>
                  {part.cap ? (
                    <>
                      {yen(part.cap.amount)}
                      {part.cap.reason ? ` (${part.cap.reason})` : ''}
                      <Typography component="div" variant="caption" color={part.cap.binding ? 'warning.main' : 'text.secondary'}>
                        {translate(q(part.cap.binding ? 'binding' : 'not_binding'))}: {yen(part.computed)} → {yen(part.amount)}
                      </Typography>
                    </>
                  ) : (
                    '-'
                  )}
                </TableCell>
              )}
            </TableRow>
          ));
        })}
      </TableBody>
    </Table>
  );
};

/**
 * 補助金額の見込み: the quote the API stored with the application (libs/domain's QuoteResult) in
 * the words a reviewer checks it with: the explanation lines, the steps, the caps and floor, the
 * expenses left out and why; then the eligibility report (failed and manual requirements).
 */
/** `quoteTerm`: the flow's own word for the amount (IT導入: 交付申請額); absent: 補助金額（見込み）. */
export const QuoteView = ({ quoteTerm }: { quoteTerm?: string }) => {
  const record = useRecordContext<ApplicationRecord>();
  const expenseTypeLabel = useExpenseTypeLabel(record?.categoryId);
  const translate = useTranslate();
  if (!record) return null;
  const quote = record.quote;
  const eligibility = record.eligibility;
  if (!quote) return <Typography variant="body2">{translate(q('none'))}</Typography>;
  const explanation = quote.explanation ?? [];
  const excluded = quote.excludedLines ?? [];
  const ineligibility = quote.ineligibility ?? [];
  return (
    <Box data-testid="quote" sx={{ maxWidth: 1000 }}>
      <Typography variant="h6" component="p" sx={{ mb: 2 }} data-testid="quote-amount">
        {quoteTerm ?? translate(q('amount'))}: {yen(record.quotedAmount ?? quote.amount)}
        {/* the applicant asked for less than the rules give: the application is for what they asked */}
        {typeof quote.amount === 'number' && record.requestedAmount != null && record.quotedAmount < quote.amount && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }} data-testid="quote-requested">
            {translate(q('requested_less'), { amount: yen(quote.amount) })}
          </Typography>
        )}
        {typeof quote.eligibleExpenseTotal === 'number' && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }}>
            {translate(q('eligible_total'))}: {yen(quote.eligibleExpenseTotal)}
          </Typography>
        )}
      </Typography>
      <CaveatNote text={quote.caveat} />
      {explanation.length > 0 && (
        <Block title={q('explanation')} testId="quote-explanation">
          <List dense disablePadding>
            {explanation.map((line, i) => (
              <ListItem key={i} disableGutters sx={{ py: 0.25 }}>
                <Typography variant="body2">{line}</Typography>
              </ListItem>
            ))}
          </List>
        </Block>
      )}
      {(quote.parts?.length ?? 0) > 0 && (
        <Block title={q('parts')}>
          <PartsTable quote={quote} />
        </Block>
      )}
      {(quote.cap || quote.floor || quote.shareLimit) && (
        <Block title={q('limits')} testId="quote-limits">
          {quote.cap && (
            <Typography variant="body2">
              {translate(q('cap'))}: {yen(quote.cap.amount)}
              {quote.cap.reason ? ` (${quote.cap.reason})` : ''} — {translate(q(quote.cap.binding ? 'binding' : 'not_binding'))}
            </Typography>
          )}
          {quote.shareLimit && (
            <Typography variant="body2">
              {translate(q('share_limit'))}: {quote.shareLimit.label} {yen(quote.shareLimit.limitedSubsidy)} → {yen(quote.shareLimit.allowedLimitedSubsidy)}
            </Typography>
          )}
          {quote.floor && (
            <Typography variant="body2" color={quote.floor.met ? undefined : 'error'}>
              {translate(q('floor'))}: {yen(quote.floor.amount)} — {translate(q(quote.floor.met ? 'floor_met' : 'floor_not_met'))}
            </Typography>
          )}
        </Block>
      )}
      {excluded.length > 0 && (
        <Block title={q('excluded')} testId="quote-excluded">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate(q('line'))}</TableCell>
                <TableCell>{translate('app.applications.expense_description')}</TableCell>
                <TableCell align="right">{translate('app.applications.expense_amount')}</TableCell>
                <TableCell>{translate(q('reason'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {excluded.map((x) => {
                const line = record.expenses?.[x.index];
                return (
                  <TableRow key={x.index}>
                    <TableCell>{x.index + 1}</TableCell>
                    <TableCell>{line ? (line.description ?? expenseTypeLabel(line.expenseType)) : '-'}</TableCell>
                    <TableCell align="right">{line ? yen(line.amount) : '-'}</TableCell>
                    <TableCell>{x.reason}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Block>
      )}
      {ineligibility.length > 0 && (
        <Block title={q('ineligible')} testId="quote-ineligible">
          {ineligibility.map((x, i) => (
            <Alert key={i} severity="error" sx={{ mb: 1 }}>
              {x.message}
            </Alert>
          ))}
        </Block>
      )}
      {eligibility && (
        <Block title={q('eligibility')} testId="eligibility">
          {eligibility.ok && eligibility.failures.length === 0 && (
            <Alert severity="success" sx={{ mb: 1 }}>
              {translate(q('eligibility_ok'))}
            </Alert>
          )}
          {eligibility.failures.length > 0 && (
            <>
              <Typography variant="subtitle2">{translate(q('failures'))}</Typography>
              {eligibility.failures.map((f, i) => (
                <Alert key={i} severity="error" sx={{ mb: 1 }}>
                  {f.message}
                </Alert>
              ))}
            </>
          )}
          {eligibility.manual.length > 0 && (
            <>
              <Typography variant="subtitle2">{translate(q('manual'))}</Typography>
              <List dense disablePadding>
                {eligibility.manual.map((m) => (
                  <ListItem key={m} disableGutters>
                    <Typography variant="body2">・{describeRequirementName(m)}</Typography>
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </Block>
      )}
      {explanation.length === 0 && !quote.parts && <JsonField source="quote" />}
    </Box>
  );
};
