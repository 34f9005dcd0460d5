import { Chip } from '@mui/material';
import {
  BooleanField,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { JstDateField } from '../common';

const filters = [
  <ReferenceInput key="roundId" source="roundId" reference="rounds" sort={{ field: 'closesAt', order: 'DESC' }} perPage={100} alwaysOn>
    <SelectInput optionText="title" />
  </ReferenceInput>,
];

export const FrozenChip = (_props: { label?: string }) => {
  const r = useRecordContext<{ frozen: boolean }>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Chip
      size="small"
      color={r.frozen ? 'default' : 'success'}
      label={translate(r.frozen ? 'app.review.rubric.frozen_chip' : 'app.review.rubric.editable_chip')}
      data-testid="rubric-frozen"
    />
  );
};

/**
 * 審査基準: one per round × offered category (choosing a round makes sure each exists). A row opens the edit form
 * for whoever may change the rubric, the read-only page for the others (the edit route would deny them).
 */
export const RubricList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'review-rubrics', action: 'edit' });
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false} data-testid="review-rubrics">
        <ReferenceField source="roundId" reference="rounds" link={false} sortable={false}>
          <TextField source="title" />
        </ReferenceField>
        <TextField source="categoryName" sortable={false} />
        <FunctionField
          source="criteria"
          sortable={false}
          render={(r: { criteria: { label: string; weight: number }[] }) => r.criteria.map((c) => `${c.label}×${c.weight}`).join('、')}
        />
        <NumberField source="reviewersPerApplication" sortable={false} />
        <BooleanField source="normalise" sortable={false} />
        <FrozenChip label="resources.review-rubrics.fields.frozen" />
        <JstDateField source="updatedAt" />
      </Datagrid>
    </List>
  );
};
