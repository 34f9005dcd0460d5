import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, required } from 'react-admin';
import { JstDateTimeInput, jstInputToInstant, useConfirmedSave } from '../common';

/** The DTO: applicationId, reviewerId, purpose, dueAt (JST wall clock → instant); nothing else. */
export const toAssignmentCreate = (data: Record<string, unknown>) => ({
  applicationId: data.applicationId,
  reviewerId: data.reviewerId,
  purpose: data.purpose ?? 'review',
  ...(data.dueAt ? { dueAt: jstInputToInstant(data.dueAt) } : {}),
});

/** 手動で割当: the API refuses a conflict of interest or a reviewer at capacity with a Japanese message. */
export const AssignmentCreate = () => (
  <Create transform={toAssignmentCreate} mutationOptions={useConfirmedSave('ra.notification.created', 'list')}>
    <SimpleForm defaultValues={{ purpose: 'review' }}>
      <ReferenceInput source="applicationId" reference="applications" sort={{ field: 'receivedAt', order: 'DESC' }}>
        <AutocompleteInput
          optionText={(r: { receiptNumber?: string; applicantName?: string }) => `${r.receiptNumber ?? '-'} ${r.applicantName ?? ''}`}
          filterToQuery={(q) => ({ q })}
          validate={required()}
        />
      </ReferenceInput>
      <ReferenceInput source="reviewerId" reference="reviewers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
      <SelectInput
        source="purpose"
        choices={(['review', 'formalCheck'] as const).map((id) => ({ id, name: `app.review.purpose.${id}` }))}
        validate={required()}
      />
      <JstDateTimeInput source="dueAt" />
    </SimpleForm>
  </Create>
);
