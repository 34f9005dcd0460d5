import { Typography } from '@mui/material';
import { AutocompleteInput, Create, DateInput, ReferenceInput, required, SimpleForm, useTranslate } from 'react-admin';
import { useConfirmedSave } from '../common';

/** A batch for a round: the API gathers the applications due to be paid and lists those it left out. */
export const PaymentBatchCreate = () => {
  const translate = useTranslate();
  return (
    <Create mutationOptions={useConfirmedSave('ra.notification.created', 'show')}>
      <SimpleForm>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
          {translate('app.payment_batches.create_help')}
        </Typography>
        {/* every round, named with its programme as elsewhere (a round's own name, 「第2回公募」, is not unique) */}
        <ReferenceInput source="roundId" reference="rounds" sort={{ field: 'opensAt', order: 'DESC' }} perPage={100}>
          <AutocompleteInput validate={required()} optionText="title" sx={{ minWidth: 480 }} />
        </ReferenceInput>
        <DateInput source="transferDate" validate={required()} helperText="明日から15営業日先までの銀行営業日" />
      </SimpleForm>
    </Create>
  );
};
