import {
  BooleanInput,
  Edit,
  ReferenceField,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetList,
  useGetOne,
  useRecordContext,
  Labeled,
} from 'react-admin';
import type { WorkflowRecord } from '../workflows/workflowStates';
import { JstDateTimeInput, useConfirmedSave } from '../common';
import type { RoundRecord } from './round';
import { RoundCategoriesInput } from './RoundCategoriesInput';
import { toRoundUpdate } from './roundForm';
import { useRoundSteps } from './useRoundWorkflow';

const CategoriesOfThisRuleSet = () => {
  const record = useRecordContext<RoundRecord>();
  const { adoptionQuota } = useRoundSteps();
  return <RoundCategoriesInput ruleSetId={record?.ruleSetId} quota={adoptionQuota} />;
};

/**
 * The version of the programme's workflow the round runs on (GET /api/workflows): a round with no application yet
 * may move to another (docs/post-award.md); once it has one, the API refuses the change with its reason.
 */
const WorkflowVersionInput = () => {
  const record = useRecordContext<RoundRecord>();
  const { data: program } = useGetOne<{ id: string; workflowKind: string }>('programs', { id: record?.programId ?? '' }, { enabled: !!record?.programId });
  const { data: workflows = [] } = useGetList<WorkflowRecord>(
    'workflows',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'registered', order: 'ASC' }, filter: {} },
    { staleTime: Infinity },
  );
  const choices = workflows.filter((w) => w.code === program?.workflowKind).map((w) => ({ id: w.version, name: `第${w.version}版 ${w.label}` }));
  return <SelectInput source="workflowVersion" choices={choices} validate={required()} sx={{ minWidth: 360 }} />;
};

/** The 採択発表 and 概算払 of a round whose flow has them (a 給付金's has neither: rounds/workflow.ts). */
const AnnouncementAndAdvancePaymentInputs = () => {
  const { announces, postAward } = useRoundSteps();
  return (
    <>
      {announces && (
        <>
          <TextInput source="announcementLabel" fullWidth />
          <JstDateTimeInput source="announcementFrom" />
          <JstDateTimeInput source="announcementTo" />
        </>
      )}
      {postAward && <BooleanInput source="advancePaymentAllowed" helperText="app.rules.advance_payment_help" />}
    </>
  );
};

/**
 * Schedule and offered categories (締切延長, budgets). Dates are typed as JST wall clocks to the
 * second and sent as `…+09:00`; pessimistic so the API's refusals (締切 before 開始, a category of
 * another rule set) land on the form.
 */
export const RoundEdit = () => (
  <Edit mutationMode="pessimistic" transform={toRoundUpdate} mutationOptions={useConfirmedSave('ra.notification.updated', 'show')}>
    <SimpleForm sx={{ maxWidth: 860 }}>
      <Labeled label="resources.rounds.fields.ruleSetId">
        <ReferenceField source="ruleSetId" reference="rule-sets" link={false} />
      </Labeled>
      <WorkflowVersionInput />
      <TextInput source="name" validate={required()} />
      <JstDateTimeInput source="opensAt" validate={required()} />
      <JstDateTimeInput source="closesAt" validate={required()} />
      <AnnouncementAndAdvancePaymentInputs />
      <CategoriesOfThisRuleSet />
    </SimpleForm>
  </Edit>
);
