import { FunctionField, ReferenceField, TextField, useTranslate } from 'react-admin';
import { JstDateField } from '../common';
import { AssignmentStateChip } from './AssignmentStateChip';
import { ReassignButton } from './ReassignButton';
import { RevokeButton } from './RevokeButton';

const Purpose = (_props: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField source="purpose" render={(r: { purpose: string }) => translate(`app.review.purpose.${r.purpose}`)} />;
};

/** The columns of an assignment row, shared by the 割当 list and a reviewer's page. */
export const assignmentColumns = (withReviewer: boolean) => [
  <ReferenceField key="app" source="applicationId" reference="applications" link="show" sortable={false}>
    <TextField source="receiptNumber" />
  </ReferenceField>,
  <TextField key="name" source="applicantName" sortable={false} />,
  ...(withReviewer ? [<TextField key="reviewer" source="reviewerName" />] : []),
  <Purpose key="purpose" label="resources.review-assignments.fields.purpose" />,
  <JstDateField key="assignedAt" source="assignedAt" />,
  <JstDateField key="dueAt" source="dueAt" emptyText="-" />,
  <AssignmentStateChip key="state" label="resources.review-assignments.fields.state" />,
  <ReassignButton key="reassign" />,
  <RevokeButton key="revoke" />,
];
