import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useGetIdentity } from 'react-admin';
import { useConfirmedSave } from '../common';

export const toConflict = (data: Record<string, unknown>) => ({
  reviewerId: data.reviewerId,
  kind: data.kind,
  value: typeof data.value === 'string' ? data.value.trim() : data.value,
  ...(typeof data.note === 'string' && data.note.trim() ? { note: data.note.trim() } : {}),
});

/** 利益相反の申告: a reviewer declares for themself (reviewerId is theirs); a manager picks the reviewer. */
export const ConflictCreate = () => {
  const { identity } = useGetIdentity();
  const role = (identity as { role?: string } | undefined)?.role;
  const saved = useConfirmedSave('ra.notification.created', 'list');
  if (!identity) return null;
  return (
    <Create transform={toConflict} mutationOptions={saved}>
      <SimpleForm defaultValues={{ kind: 'corporateNumber', ...(role === 'reviewer' ? { reviewerId: identity.id } : {}) }}>
        {role !== 'reviewer' && (
          <ReferenceInput source="reviewerId" reference="reviewers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
            <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
          </ReferenceInput>
        )}
        <SelectInput
          source="kind"
          choices={(['corporateNumber', 'organisation'] as const).map((id) => ({ id, name: `resources.conflicts-of-interest.kinds.${id}` }))}
          validate={required()}
        />
        <TextInput source="value" validate={required()} />
        <TextInput source="note" multiline />
      </SimpleForm>
    </Create>
  );
};
