import {
  ArrayField,
  BooleanField,
  Button,
  Datagrid,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router';
import { AssumptionField, JstDateField, YenField } from '../common';
import { RoundStatusChip } from './RoundStatusChip';
import { RoundWorkflow } from './RoundWorkflow';
import { useRoundSteps } from './useRoundWorkflow';

/** From a round to its review work: the assignment board and the adoption simulator (for those who may). */
const ReviewLinks = () => {
  const round = useRecordContext();
  const board = useCanAccess({ resource: 'reviewers', action: 'list' });
  const simulator = useCanAccess({ resource: 'adoption', action: 'list' });
  if (!round) return null;
  return (
    <>
      {board.canAccess && (
        <Button component={Link} to={`/reviewers?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`} label="app.review.links.board" />
      )}
      {simulator.canAccess && <Button component={Link} to={`/adoption?roundId=${round.id}`} label="app.review.links.simulator" />}
    </>
  );
};

const RoundShowActions = () => (
  <TopToolbar>
    <ReviewLinks />
    <EditButton />
  </TopToolbar>
);

/** The 採択発表 and 概算払 of a round whose flow has them (a 給付金's has neither: rounds/workflow.ts). */
const AnnouncementAndAdvancePayment = (_props: { label?: false }) => {
  const { announces, postAward } = useRoundSteps();
  return (
    <>
      {announces && (
        <>
          <Labeled source="announcementLabel">
            <TextField source="announcementLabel" emptyText="-" />
          </Labeled>
          <Labeled source="announcementFrom">
            <JstDateField source="announcementFrom" emptyText="-" />
          </Labeled>
          <Labeled source="announcementTo">
            <JstDateField source="announcementTo" emptyText="-" />
          </Labeled>
        </>
      )}
      {postAward && (
        <Labeled source="advancePaymentAllowed">
          <BooleanField source="advancePaymentAllowed" />
        </Labeled>
      )}
    </>
  );
};

/** The categories the round offers, with their budgets and, where its flow counts 採択 against one, 採択予定件数. */
const OfferedCategories = (_props: { source: 'categories' }) => {
  const { adoptionQuota } = useRoundSteps();
  return (
    <ArrayField source="categories">
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="round-categories">
        <ReferenceField source="categoryId" reference="categories" link="show" label="resources.rounds.fields.categoryId" />
        <YenField source="budget" label="resources.rounds.fields.budget" emptyText="app.rules.no_budget" />
        {adoptionQuota && <NumberField source="adoptionQuota" label="resources.rounds.fields.adoptionQuota" emptyText="-" locales="ja-JP" />}
      </Datagrid>
    </ArrayField>
  );
};

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
      <AnnouncementAndAdvancePayment label={false} />
      <TextField source="code" />
      <AssumptionField />
      <OfferedCategories source="categories" />
      <RoundWorkflow />
    </SimpleShowLayout>
  </Show>
);
