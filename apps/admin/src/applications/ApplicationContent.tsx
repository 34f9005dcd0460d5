import { Box, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { formatYen, INDUSTRY_LABELS } from '@jimukyoku/domain';
import { EmailField, Labeled, NumberField, ReferenceField, SelectField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { JstDateField, YenField } from '../common';
import { declaredFactLines, sizeClassChoices, type ApplicationRecord } from './application';
import { useExpenseTypeLabel } from './useExpenseTypeLabel';

const Heading = ({ children }: { children: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mt: 2, mb: 1, borderBottom: 1, borderColor: 'divider' }}>
      {translate(children)}
    </Typography>
  );
};

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 1 } as const;

/** 補助対象経費 as entered, with the total (税抜, integer yen); 経費区分 by the 類型's names for them. */
const ExpensesTable = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const expenseTypeLabel = useExpenseTypeLabel(record?.categoryId);
  const lines = record?.expenses ?? [];
  if (lines.length === 0) return <Typography variant="body2">-</Typography>;
  return (
    <Table size="small" data-testid="expenses" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>{translate('app.applications.expense_type')}</TableCell>
          <TableCell>{translate('app.applications.expense_description')}</TableCell>
          <TableCell align="right">{translate('app.applications.expense_amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line, i) => (
          <TableRow key={i}>
            <TableCell>{i + 1}</TableCell>
            <TableCell>{expenseTypeLabel(line.expenseType)}</TableCell>
            <TableCell>{line.description ?? ''}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatYen(line.amount)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={3}>{translate('app.applications.expense_total')}</TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {formatYen(lines.reduce((sum, l) => sum + (typeof l.amount === 'number' ? l.amount : 0), 0))}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};

const ApplicantKind = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  return <span>{record ? translate(`app.applications.applicant_kinds.${record.applicantKind}`, { _: record.applicantKind }) : ''}</span>;
};

/** 業種 by its Japanese name (INDUSTRY_LABELS in libs/domain). */
const Industry = () => {
  const record = useRecordContext<ApplicationRecord>();
  const industry = record?.industry;
  if (!industry) return <span>-</span>;
  return <span>{Object.prototype.hasOwnProperty.call(INDUSTRY_LABELS, industry) ? INDUSTRY_LABELS[industry as keyof typeof INDUSTRY_LABELS] : industry}</span>;
};

const Advisor = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const advisor = record?.certifiedAdvisor;
  if (!advisor?.name && !advisor?.id) return <span>-</span>;
  return (
    <span>
      {advisor.name ?? ''}
      {advisor.id ? ` (${translate('app.applications.advisor_id')}: ${advisor.id})` : ''}
    </span>
  );
};

/**
 * What the applicant declared for the rules (年間売上高, 赤字, 再生事業者, 参加事業者数, 都道府県数, 金融機関):
 * the stored quote reads them, so the reviewer sees them; only the declared ones are shown.
 */
const DeclaredFacts = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {declaredFactLines(record, (v) => translate(v ? 'ra.boolean.true' : 'ra.boolean.false')).map(({ source, text }) => (
        <Labeled key={source} source={source}>
          <span>{text}</span>
        </Labeled>
      ))}
    </>
  );
};

/** 申請内容: the applicant, the plan and the expenses, as received. */
export const ApplicationContent = () => (
  <Box>
    <Heading>app.applications.applicant</Heading>
    <Box sx={grid}>
      <Labeled source="applicantName">
        <TextField source="applicantName" />
      </Labeled>
      <Labeled source="applicantKind">
        <ApplicantKind />
      </Labeled>
      <Labeled source="corporateNumber">
        <TextField source="corporateNumber" emptyText="-" />
      </Labeled>
      <Labeled source="sizeClass">
        <SelectField source="sizeClass" choices={sizeClassChoices} />
      </Labeled>
      <Labeled source="employeeCount">
        <NumberField source="employeeCount" locales="ja-JP" />
      </Labeled>
      <Labeled source="capital">
        <YenField source="capital" emptyText="-" />
      </Labeled>
      <Labeled source="prefecture">
        <TextField source="prefecture" />
      </Labeled>
      <Labeled source="industry">
        <Industry />
      </Labeled>
      <Labeled source="contactPerson">
        <TextField source="contactPerson" emptyText="-" />
      </Labeled>
      <Labeled source="email">
        <EmailField source="email" />
      </Labeled>
      <Labeled source="certifiedAdvisor">
        <Advisor />
      </Labeled>
      <DeclaredFacts />
    </Box>
    <Heading>app.applications.plan</Heading>
    <Box sx={grid}>
      <Labeled source="roundId">
        <ReferenceField source="roundId" reference="rounds" link="show" />
      </Labeled>
      <Labeled source="categoryId">
        <ReferenceField source="categoryId" reference="categories" link="show" />
      </Labeled>
      <Labeled source="receivedAt">
        <JstDateField source="receivedAt" emptyText="-" />
      </Labeled>
      <Labeled source="correctionDueAt">
        <JstDateField source="correctionDueAt" emptyText="-" />
      </Labeled>
    </Box>
    <Box sx={{ mt: 1 }}>
      <Labeled source="planTitle">
        <TextField source="planTitle" emptyText="-" />
      </Labeled>
    </Box>
    <Box>
      <Labeled source="planSummary">
        <TextField source="planSummary" emptyText="-" sx={{ whiteSpace: 'pre-wrap' }} />
      </Labeled>
    </Box>
    <Heading>app.applications.expenses</Heading>
    <ExpensesTable />
  </Box>
);
