import { ArrayField, Datagrid, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { AssumptionField, JstDateField, YenField } from '../common';
import { RoundStatusChip } from './RoundStatusChip';
import { RoundWorkflow } from './RoundWorkflow';

const RoundShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/**
 * One round: its schedule in JST, the rule set it runs on, the categories it offers with budgets, and
 * the ワークフロー its applications follow.
 */
export const RoundShow = () => (
  <Show actions={<RoundShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="programId" reference="programs" link="show" />
      <ReferenceField source="ruleSetId" reference="rule-sets" link="show" />
      <Labeled label="resources.rounds.fields.status">
        <RoundStatusChip />
      </Labeled>
      <JstDateField source="opensAt" />
      <JstDateField source="closesAt" />
      <JstDateField source="closedAt" emptyText="-" />
      <TextField source="announcementLabel" emptyText="-" />
      <JstDateField source="announcementFrom" emptyText="-" />
      <JstDateField source="announcementTo" emptyText="-" />
      <TextField source="code" />
      <AssumptionField />
      <ArrayField source="categories">
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="round-categories">
          <ReferenceField source="categoryId" reference="categories" link="show" label="resources.rounds.fields.categoryId" />
          <YenField source="budget" label="resources.rounds.fields.budget" emptyText="app.rules.no_budget" />
          <NumberField source="adoptionQuota" label="resources.rounds.fields.adoptionQuota" emptyText="-" locales="ja-JP" />
        </Datagrid>
      </ArrayField>
      <RoundWorkflow />
    </SimpleShowLayout>
  </Show>
);
