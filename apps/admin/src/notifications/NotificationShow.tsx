import { Alert, Box, Typography } from '@mui/material';
import {
  BooleanField,
  FunctionField,
  Labeled,
  ListButton,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { JstDateField } from '../common';
import { templateChoices, type NotificationRecord } from './notification';
import { NotificationStatusChip } from './NotificationStatusChip';
import { ConfirmDeliveredButton } from './ConfirmDeliveredButton';
import { ResendButton } from './ResendButton';
import { TemplateVersionLink } from '../resources/notification-templates';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ConfirmDeliveredButton />
    <ResendButton />
  </TopToolbar>
);

const mono = { fontFamily: 'ui-monospace, monospace', fontSize: 12 } as const;

/** 申請: the application the message is about, as its 受付番号 and 事業者名, linked to it. */
const ApplicationLink = (_props: { label?: string }) => {
  const record = useRecordContext<NotificationRecord>();
  if (!record?.applicationId) return <Typography variant="body2">-</Typography>;
  return (
    <ReferenceField source="applicationId" reference="applications" link="show">
      <FunctionField<{ receiptNumber?: string | null; applicantName?: string }>
        data-testid="notification-application"
        render={(a) => [a.receiptNumber, a.applicantName].filter(Boolean).join(' ')}
      />
    </ReferenceField>
  );
};

/** 本文: the text as sent, whitespace and line breaks kept. */
const BodyText = (_props: { label?: string }) => {
  const record = useRecordContext<NotificationRecord>();
  if (!record) return null;
  return (
    <Box
      component="pre"
      data-testid="notification-body"
      sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', fontSize: 14 }}
    >
      {record.bodyText ?? '-'}
    </Box>
  );
};

/** 最終エラー: highlighted when the message failed. */
const LastError = (_props: { label?: string }) => {
  const record = useRecordContext<NotificationRecord>();
  if (!record) return null;
  if (!record.lastError) return <Typography variant="body2">-</Typography>;
  return (
    <Alert severity={record.status === 'failed' ? 'error' : 'warning'} data-testid="notification-last-error" sx={{ whiteSpace: 'pre-wrap' }}>
      {record.lastError}
    </Alert>
  );
};

const Title = () => {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  return (
    <span>
      {translate('resources.notifications.name')}
      {record?.subject ? `: ${record.subject}` : ''}
    </span>
  );
};

/** One message to an applicant, as sent: 件名, 本文, Message-ID, the SMTP answer and the last error; 再送 for managers. */
export const NotificationShow = () => (
  <Show actions={<Actions />} title={<Title />}>
    <SimpleShowLayout>
      <Labeled label="resources.notifications.fields.status">
        <NotificationStatusChip size="medium" />
      </Labeled>
      <TextField source="recipient" />
      <TextField source="subject" emptyText="-" />
      <Labeled label="resources.notifications.fields.bodyText" fullWidth>
        <BodyText />
      </Labeled>
      <Labeled label="resources.notifications.fields.lastError" fullWidth>
        <LastError />
      </Labeled>
      <TextField source="messageId" emptyText="-" sx={mono} />
      <TextField source="smtpResponse" emptyText="-" sx={mono} />
      <NumberField source="attempts" />
      <Labeled label="resources.notifications.fields.applicationId">
        <ApplicationLink />
      </Labeled>
      <SelectField source="template" choices={templateChoices} />
      {/* the programme's variant the text came from (受付（給付金）), once rendered */}
      <SelectField source="templateCode" choices={templateChoices} emptyText="-" />
      <Labeled label="resources.notifications.fields.templateVersion">
        <TemplateVersionLink />
      </Labeled>
      <BooleanField source="heldUntilAnnouncement" />
      <JstDateField source="sendAfter" emptyText="-" />
      <JstDateField source="createdAt" />
      <JstDateField source="queuedAt" emptyText="-" />
      <JstDateField source="sendStartedAt" emptyText="-" />
      <JstDateField source="reconciledAt" emptyText="-" />
      <JstDateField source="sentAt" emptyText="-" />
      <TextField source="id" sx={mono} />
    </SimpleShowLayout>
  </Show>
);
