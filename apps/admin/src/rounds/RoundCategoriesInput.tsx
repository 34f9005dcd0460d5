import { ArrayInput, minValue, NumberInput, number, ReferenceInput, required, SelectInput, SimpleFormIterator } from 'react-admin';

/**
 * The categories a round offers, each with an optional budget (integer yen) and, where the round's flow counts its
 * 採択 against one (`quota`, rounds/workflow.ts usesAdoptionQuota), an 採択予定件数. Only categories of the round's
 * rule set can be chosen (the API refuses others).
 */
export const RoundCategoriesInput = ({ ruleSetId, quota = true }: { ruleSetId: string | undefined; quota?: boolean }) => (
  <ArrayInput source="categories" label="resources.rounds.fields.categories">
    <SimpleFormIterator inline disableReordering>
      <ReferenceInput
        source="categoryId"
        reference="categories"
        label="resources.rounds.fields.categoryId"
        filter={ruleSetId ? { ruleSetId } : {}}
        sort={{ field: 'code', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput optionText="name" label="resources.rounds.fields.categoryId" validate={required()} sx={{ minWidth: 240 }} />
      </ReferenceInput>
      <NumberInput source="budget" label="app.rules.budget_yen" min={0} step={1} validate={[number(), minValue(0)]} helperText={false} />
      {quota && (
        <NumberInput
          source="adoptionQuota"
          label="resources.rounds.fields.adoptionQuota"
          min={0}
          step={1}
          validate={[number(), minValue(0)]}
          helperText={false}
        />
      )}
    </SimpleFormIterator>
  </ArrayInput>
);
