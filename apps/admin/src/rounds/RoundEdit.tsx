import { Edit, ReferenceField, required, SimpleForm, TextInput, useRecordContext, Labeled } from 'react-admin';
import { JstDateTimeInput } from '../common';
import type { RoundRecord } from './round';
import { RoundCategoriesInput } from './RoundCategoriesInput';
import { toRoundUpdate } from './roundForm';

const CategoriesOfThisRuleSet = () => {
  const record = useRecordContext<RoundRecord>();
  return <RoundCategoriesInput ruleSetId={record?.ruleSetId} />;
};

/**
 * Schedule and offered categories (締切延長, budgets). Dates are typed as JST wall clocks to the
 * second and sent as `…+09:00`; pessimistic so the API's refusals (締切 before 開始, a category of
 * another rule set) land on the form.
 */
export const RoundEdit = () => (
  <Edit mutationMode="pessimistic" transform={toRoundUpdate} redirect="show">
    <SimpleForm sx={{ maxWidth: 860 }}>
      <Labeled label="resources.rounds.fields.ruleSetId">
        <ReferenceField source="ruleSetId" reference="rule-sets" link={false} />
      </Labeled>
      <TextInput source="name" validate={required()} />
      <JstDateTimeInput source="opensAt" validate={required()} />
      <JstDateTimeInput source="closesAt" validate={required()} />
      <TextInput source="announcementLabel" fullWidth />
      <JstDateTimeInput source="announcementFrom" />
      <JstDateTimeInput source="announcementTo" />
      <CategoriesOfThisRuleSet />
    </SimpleForm>
  </Edit>
);
