import { Alert } from '@mui/material';
import { ArrayInput, BooleanInput, Edit, NumberInput, SimpleForm, SimpleFormIterator, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { useConfirmedSave } from '../common';

/** The DTO: exactly the editable settings; criteria and 加点項目 only while not frozen. */
export const toRubricUpdate = (data: Record<string, unknown>) => {
  const num = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
  return {
    ...(data.frozen
      ? {}
      : {
          criteria: ((data.criteria as Record<string, unknown>[]) ?? []).map((c) => ({
            code: c.code,
            label: c.label,
            maxScore: num(c.maxScore),
            weight: num(c.weight),
            ...(c.description ? { description: c.description } : {}),
          })),
          bonusItems: ((data.bonusItems as Record<string, unknown>[]) ?? []).map((b) => ({ code: b.code, label: b.label, points: num(b.points) })),
        }),
    // a cleared field is left out (unchanged): the API refuses null where a value is required
    reviewersPerApplication: num(data.reviewersPerApplication) ?? undefined,
    reviewDays: num(data.reviewDays) ?? undefined,
    normalise: !!data.normalise,
    disagreementThreshold: num(data.disagreementThreshold),
    extraReviewerOnDisagreement: !!data.extraReviewerOnDisagreement,
  };
};

/** 満点, 重み and 点数 in an inline row: wide enough for their label and value, not squeezed by the text fields beside them */
const NUMBER_FIELD = { width: 100, minWidth: 100, flexShrink: 0 };

const Form = () => {
  const r = useRecordContext<{ frozen: boolean; categoryName: string }>();
  const translate = useTranslate();
  const frozen = !!r?.frozen;
  return (
    <SimpleForm>
      {frozen && (
        <Alert severity="info" data-testid="rubric-frozen-note">
          {translate('app.review.rubric.frozen')}
        </Alert>
      )}
      <TextInput source="categoryName" disabled />
      <ArrayInput source="criteria">
        <SimpleFormIterator inline disableReordering disableAdd={frozen} disableRemove={frozen}>
          <TextInput source="code" disabled={frozen} validate={required()} />
          <TextInput source="label" disabled={frozen} validate={required()} />
          <NumberInput source="maxScore" disabled={frozen} validate={required()} sx={NUMBER_FIELD} />
          <NumberInput source="weight" disabled={frozen} validate={required()} sx={NUMBER_FIELD} />
          <TextInput source="description" disabled={frozen} />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="bonusItems">
        <SimpleFormIterator inline disableReordering disableAdd={frozen} disableRemove={frozen}>
          <TextInput source="code" disabled={frozen} validate={required()} />
          <TextInput source="label" disabled={frozen} validate={required()} />
          <NumberInput source="points" disabled={frozen} validate={required()} sx={NUMBER_FIELD} />
        </SimpleFormIterator>
      </ArrayInput>
      <NumberInput source="reviewersPerApplication" min={1} max={10} />
      <NumberInput source="reviewDays" min={1} max={180} />
      <BooleanInput source="normalise" />
      <NumberInput source="disagreementThreshold" />
      <BooleanInput source="extraReviewerOnDisagreement" />
    </SimpleForm>
  );
};

/** 審査基準の変更: 409 RUBRIC_FROZEN (once scoring started) is notified in the API's words. */
export const RubricEdit = () => (
  <Edit transform={toRubricUpdate} mutationMode="pessimistic" mutationOptions={useConfirmedSave('ra.notification.updated', 'list')}>
    <Form />
  </Edit>
);
