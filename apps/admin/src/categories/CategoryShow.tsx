import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { programKindChoices } from '../programs/choices';
import type { CategoryRecord } from './category';
import { CategoryConfigView } from './config/CategoryConfigView';

const Config = () => {
  const record = useRecordContext<CategoryRecord>();
  return record?.config ? <CategoryConfigView config={record.config} /> : null;
};

/** One category: where it belongs, the API's summary, and its whole configuration made readable. */
export const CategoryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <ReferenceField source="programId" reference="programs" link="show" />
      <ReferenceField source="ruleSetId" reference="rule-sets" link="show" />
      <SelectField source="kind" choices={programKindChoices} />
      <TextField source="summary.cap" />
      <TextField source="summary.rate" />
      <TextField source="summary.floor" emptyText="-" />
      <Labeled label="app.rules.config.title" fullWidth>
        <Config />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
