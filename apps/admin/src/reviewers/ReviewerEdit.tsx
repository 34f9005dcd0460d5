import { Typography } from '@mui/material';
import { Datagrid, Edit, NumberInput, ReferenceManyField, SimpleForm, TextInput, minValue, useTranslate } from 'react-admin';
import { useConfirmedSave } from '../common';
import { assignmentColumns } from '../review-assignments/AssignmentFields';

/** The DTO: organisation (利益相反の判定) and reviewCapacity (上限件数); nothing else. */
export const toReviewerSettings = (data: Record<string, unknown>) => ({
  organisation: typeof data.organisation === 'string' && data.organisation.trim() ? data.organisation.trim() : null,
  // a cleared field leaves the capacity as it is (the API refuses null where a value is required)
  reviewCapacity: data.reviewCapacity ?? undefined,
});

const Assignments = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('app.review.board.assignments')}
      </Typography>
      <ReferenceManyField reference="review-assignments" target="reviewerId" sort={{ field: 'assignedAt', order: 'DESC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="reviewer-assignments">
          {assignmentColumns(false)}
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};

/** A reviewer of the board: 所属組織 and 上限件数 (a manager), and their assignments with 付け替え / 取消. */
export const ReviewerEdit = () => (
  <Edit transform={toReviewerSettings} mutationMode="pessimistic" mutationOptions={useConfirmedSave('ra.notification.updated', 'list')}>
    <SimpleForm>
      <TextInput source="name" disabled />
      <TextInput source="organisation" />
      <NumberInput source="reviewCapacity" min={0} step={1} validate={minValue(0)} />
      <Assignments />
    </SimpleForm>
  </Edit>
);
