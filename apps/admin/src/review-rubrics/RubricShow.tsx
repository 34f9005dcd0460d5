import { Typography } from '@mui/material';
import { ArrayField, BooleanField, Datagrid, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { JstDateField } from '../common';
import { FrozenChip } from './RubricList';

const field = (name: string) => `resources.review-rubrics.fields.${name}`;

/**
 * 審査基準, read only: what the reviewers score against (審査項目 with 満点 and 重み, 加点項目) and the settings, for
 * whoever may read the rubric but not change it (admin, auditor; a manager's row opens the edit form). Names only,
 * as on the list: the codes are the form's business.
 */
export const RubricShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="roundId" reference="rounds" link="show">
        <TextField source="title" />
      </ReferenceField>
      <TextField source="categoryName" />
      {/* labelled 審査項目: the chip (変更可 / 確定) heads the criteria */}
      <FrozenChip label={field('frozen')} />
      <ArrayField source="criteria" label={false}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="rubric-criteria">
          <TextField source="label" label={field('criteria.label')} />
          <NumberField source="maxScore" label={field('criteria.maxScore')} />
          <NumberField source="weight" label={field('criteria.weight')} />
          <TextField source="description" label={field('criteria.description')} emptyText="-" />
        </Datagrid>
      </ArrayField>
      <ArrayField source="bonusItems">
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="rubric-bonus-items" empty={<Typography variant="body2">-</Typography>}>
          <TextField source="label" label={field('bonusItems.label')} />
          <NumberField source="points" label={field('bonusItems.points')} />
        </Datagrid>
      </ArrayField>
      <NumberField source="reviewersPerApplication" />
      <NumberField source="reviewDays" />
      <BooleanField source="normalise" />
      <NumberField source="disagreementThreshold" emptyText="-" />
      <BooleanField source="extraReviewerOnDisagreement" />
      <JstDateField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
