import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { describeRequirement, formatMan, SIZE_CLASS_LABELS, type CategoryConfig, type RequirementClause, type SubsidyCategoryConfig } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { AssumptionNote, CaveatNote } from '../../common';
import { exclusionCriteria } from './describe';
import { PricingView } from './PricingView';
import { Section } from './Section';

const Requirements = ({ requirements }: { requirements: readonly RequirementClause[] }) => {
  const translate = useTranslate();
  if (requirements.length === 0) return <Typography variant="body2">{translate('app.common.none')}</Typography>;
  return (
    <List dense disablePadding>
      {requirements.map((clause, i) => (
        <ListItem key={i} disableGutters sx={{ alignItems: 'flex-start' }}>
          {typeof clause !== 'string' && <Chip size="small" label={translate('app.rules.config.any_of')} sx={{ mr: 1, mt: 0.5 }} />}
          <ListItemText primary={describeRequirement(clause)} secondary={typeof clause === 'string' ? clause : clause.anyOf.join(' | ')} />
        </ListItem>
      ))}
    </List>
  );
};

const SubsidyConfig = ({ config }: { config: SubsidyCategoryConfig }) => {
  const translate = useTranslate();
  return (
    <>
      <Section title="app.rules.config.admitted_size_classes">
        <Stack direction="row" spacing={1}>
          {config.admittedSizeClasses.map((c) => (
            <Chip key={c} size="small" label={SIZE_CLASS_LABELS[c]} />
          ))}
        </Stack>
      </Section>
      <PricingView pricing={config.pricing} />
      <Section title="app.rules.config.floor" testId="config-floor">
        <Typography variant="body2">{config.floor === undefined ? translate('app.rules.config.no_floor') : formatMan(config.floor)}</Typography>
      </Section>
      <Section title="app.rules.config.expense_types" testId="config-expense-types">
        <Table size="small" sx={{ width: 'auto' }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.rules.config.expense_label')}</TableCell>
              <TableCell>{translate('app.rules.config.expense_code')}</TableCell>
              <TableCell>{translate('app.rules.config.item_kind')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {config.expenseTypes.map((e) => (
              <TableRow key={e.code}>
                <TableCell>{e.label}</TableCell>
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{e.code}</TableCell>
                <TableCell>{e.itemKind ?? '-'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="app.rules.config.exclusions" testId="config-exclusions">
        {config.exclusions.length === 0 ? (
          <Typography variant="body2">{translate('app.common.none')}</Typography>
        ) : (
          <Table size="small" sx={{ width: 'auto' }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rules.config.exclusion_reason')}</TableCell>
                <TableCell>{translate('app.rules.config.exclusion_when')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {config.exclusions.map((x) => (
                <TableRow key={x.code} sx={{ verticalAlign: 'top' }}>
                  <TableCell>{x.reason}</TableCell>
                  <TableCell>
                    {exclusionCriteria(x, config.expenseTypes).map((c) => (
                      <Typography key={`${c.kind}-${c.text}`} variant="body2">
                        {c.kind === 'flag'
                          ? c.text
                          : `${translate(c.kind === 'expenseType' ? 'app.rules.config.expense_label' : 'app.rules.config.item_kind')}: ${c.text}`}
                      </Typography>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
};

/**
 * A category's configuration as people read a 公募要領: who may apply, caps by bracket, rates and
 * their tiers, floor, eligible expense types and exclusions, requirements, and every 仮定 (a value
 * the sources leave open) highlighted. The raw JSON stays available below.
 */
export const CategoryConfigView = ({ config }: { config: CategoryConfig }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 1000 }} data-testid="category-config">
      <CaveatNote text={config.caveat} />
      <AssumptionNote text={config.assumption} />
      {config.kind === 'subsidy' && <SubsidyConfig config={config} />}
      {config.kind === 'contract' && (
        <Section title="app.rules.config.ceiling_per_contract">
          <Typography variant="body2">{formatMan(config.ceilingPerContract)}</Typography>
        </Section>
      )}
      {config.kind === 'benefit' && (
        <Section title="app.rules.config.cap">
          <Typography variant="body2">{translate('app.rules.config.benefit_note')}</Typography>
        </Section>
      )}
      <Section title="app.rules.config.requirements" testId="config-requirements">
        <Requirements requirements={config.requirements} />
      </Section>
      <Accordion disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>{translate('app.rules.config.raw')}</AccordionSummary>
        <AccordionDetails>
          <Box component="pre" sx={{ m: 0, fontSize: 12, overflow: 'auto', maxHeight: 480 }}>
            {JSON.stringify(config, null, 2)}
          </Box>
        </AccordionDetails>
      </Accordion>
    </Box>
  );
};
