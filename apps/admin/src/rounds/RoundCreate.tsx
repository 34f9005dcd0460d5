import { Create, FormDataConsumer, minValue, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { JstDateTimeInput, useConfirmedSave } from '../common';
import { ruleSetRepresentation, type RuleSetRecord } from '../rule-sets/ruleSet';
import { RoundCategoriesInput } from './RoundCategoriesInput';
import { toRoundCreate } from './roundForm';

/**
 * A new round of a programme on one of its rule sets. Without categories it offers every category of
 * the rule set (the API's default); dates are JST wall clocks sent as `…+09:00`.
 */
export const RoundCreate = () => (
  <Create transform={toRoundCreate} mutationOptions={useConfirmedSave('ra.notification.created', 'show')}>
    <SimpleForm sx={{ maxWidth: 860 }}>
      <ReferenceInput source="programId" reference="programs" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <FormDataConsumer<{ programId?: string; ruleSetId?: string }>>
        {({ formData }) => (
          <>
            <ReferenceInput
              source="ruleSetId"
              reference="rule-sets"
              filter={formData.programId ? { programId: formData.programId } : {}}
              sort={{ field: 'code', order: 'ASC' }}
              perPage={100}
            >
              <SelectInput optionText={(r: RuleSetRecord) => ruleSetRepresentation(r)} validate={required()} disabled={!formData.programId} />
            </ReferenceInput>
            <NumberInput source="number" min={1} step={1} validate={[required(), minValue(1)]} />
            <TextInput source="name" helperText="app.rules.round_name_help" />
            <JstDateTimeInput source="opensAt" validate={required()} />
            <JstDateTimeInput source="closesAt" validate={required()} />
            <TextInput source="announcementLabel" fullWidth />
            <JstDateTimeInput source="announcementFrom" />
            <JstDateTimeInput source="announcementTo" />
            {formData.ruleSetId && <RoundCategoriesInput ruleSetId={formData.ruleSetId} />}
          </>
        )}
      </FormDataConsumer>
    </SimpleForm>
  </Create>
);
