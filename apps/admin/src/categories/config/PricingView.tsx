import { Box, Typography } from '@mui/material';
import { formatRate, type ItemRule, type Pricing } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { CapView } from './CapView';
import { RateRulesTable } from './RateRulesTable';
import { Section } from './Section';

const ItemRules = ({ items }: { items: readonly ItemRule[] }) => (
  <>
    {items.map((item) => (
      <Box key={item.itemKind} sx={{ mb: 2 }}>
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
          {item.label}
        </Typography>
        <CapView cap={item.cap} />
        <Box sx={{ mt: 1 }}>
          <RateRulesTable rates={item.rates} />
        </Box>
      </Box>
    ))}
  </>
);

/** 補助上限額 and 補助率 for each of the three pricing shapes. */
export const PricingView = ({ pricing }: { pricing: Pricing }) => {
  const translate = useTranslate();
  switch (pricing.kind) {
    case 'rate':
      return (
        <>
          <Section title="app.rules.config.cap" testId="config-cap">
            <CapView cap={pricing.cap} />
          </Section>
          <Section title="app.rules.config.rates" testId="config-rates">
            <RateRulesTable rates={pricing.rates} />
            {pricing.shareLimit && (
              <Typography variant="body2" sx={{ mt: 1 }}>
                {translate('app.rules.config.share_limit')}: {pricing.shareLimit.label} {formatRate(pricing.shareLimit.maxShare)}
              </Typography>
            )}
          </Section>
        </>
      );
    case 'itemized':
      return (
        <>
          <Section title="app.rules.config.items" testId="config-items">
            <ItemRules items={pricing.items} />
          </Section>
          {pricing.cap && (
            <Section title="app.rules.config.item_total_cap">
              <CapView cap={pricing.cap} />
            </Section>
          )}
        </>
      );
    case 'multiCompanyIt':
      return (
        <>
          <Section title="app.rules.config.items" testId="config-items">
            <ItemRules items={pricing.items} />
          </Section>
          <Section title="app.rules.config.analysis">
            <CapView cap={pricing.analysis.cap} />
            <Box sx={{ mt: 1 }}>
              <RateRulesTable rates={pricing.analysis.rates} />
            </Box>
          </Section>
          <Section title="app.rules.config.base_and_analysis_cap">
            <CapView cap={pricing.baseAndAnalysisCap} />
          </Section>
          <Section title="app.rules.config.admin_costs">
            <RateRulesTable rates={pricing.admin.rates} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.rules.config.admin_share', { rate: formatRate(pricing.admin.shareOfBaseAndAnalysis) })}
            </Typography>
          </Section>
        </>
      );
  }
};
