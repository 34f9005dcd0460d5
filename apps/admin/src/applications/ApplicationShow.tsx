import { Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { ListButton, Show, TabbedShowLayout, TabbedShowLayoutTabs, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { AttachmentsTab, WithAttachments } from '../attachments';
import { ApplicantHistoryPanel } from '../history';
import { YenField } from '../common';
import { InquiriesTab, MemosTab } from '../correspondence';
import { ApplicationNotifications } from '../notifications/ApplicationNotifications';
import { BankAccountTab } from '../payments';
import { PostAwardTab } from '../post-award';
import { FormalCheckTab } from '../review/FormalCheckTab';
import { ReviewsTab } from '../review/ReviewsTab';
import { useAmountTerms } from '../rounds/useAmountTerms';
import { useRoundWorkflow } from '../rounds/useRoundWorkflow';
import { hasPostAwardSteps, hasScoring } from '../rounds/workflow';
import { isWholeApplication, type ApplicationRecord } from './application';
import { ApplicationContent } from './ApplicationContent';
import { ApplicationStatusChip } from './ApplicationStatusChip';
import { AssignmentsView } from './AssignmentsView';
import { PaperResubmissionButton } from './PaperResubmissionButton';
import { QuoteView } from './QuoteView';
import { ReconsideredFromChip, ReconsiderationButton } from './ReconsiderationButton';
import { RevokeStatusLinksButton } from './RevokeStatusLinksButton';
import { TimelineView } from './TimelineView';
import { TransitionButtons } from './TransitionButtons';

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** 受付番号, 事業者名 and 状態 on top, with the operations this user may run now. */
const Header = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  // the amount under the flow's own word (IT導入: 交付申請額)
  const terms = useAmountTerms(useRoundWorkflow(record?.roundId).workflow);
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="application-header">
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <ApplicationStatusChip size="medium" />
          <Typography variant="h6" component="h2" data-testid="receipt-number">
            {translate('resources.applications.fields.receiptNumber')}: {record.receiptNumber ?? '-'}
          </Typography>
          <Typography variant="h6" component="p">
            {record.applicantName}
          </Typography>
          {record.receivedInGrace && <Chip size="small" color="warning" variant="outlined" label={translate('app.applications.in_grace')} />}
          <ReconsideredFromChip />
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary">
            <span data-testid="header-amount-term">{terms.quote}</span>: <YenField source="quotedAmount" />
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <TransitionButtons />
          <PaperResubmissionButton />
          <ReconsiderationButton />
          <RevokeStatusLinksButton />
        </Stack>
      </CardContent>
    </Card>
  );
};

const Tabs = () => {
  const record = useRecordContext<ApplicationRecord>();
  const { workflow } = useRoundWorkflow(record?.roundId);
  const terms = useAmountTerms(workflow);
  // the payee's bank account: managers and auditors only (bankAccounts.read)
  const { canAccess: seesBankAccount } = useCanAccess({ resource: 'bank-accounts', action: 'show' });
  // the applicant's mails: not a reviewer's (the tab only said they may not read them)
  const { canAccess: seesMails } = useCanAccess({ resource: 'notifications', action: 'list' });
  return (
    // up to twelve tabs are wider than a 1440 px window: scroll them with buttons rather than clip the last (口座). Their
    // bar takes the width it is given and asks for none (width 0, at least all of it): sized by its tabs, 1,160 px,
    // it widened the page past a 1366 px window and pushed 一覧 and the amount off-screen
    <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }} />}>
      <TabbedShowLayout.Tab label="app.applications.tabs.content">
        <ApplicationContent />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={workflow?.definition.amountTerms?.quote ?? 'app.applications.tabs.quote'} path="quote">
        <QuoteView quoteTerm={workflow?.definition.amountTerms?.quote} />
      </TabbedShowLayout.Tab>
      {hasPostAwardSteps(workflow) && (
        <TabbedShowLayout.Tab label="app.post_award.tab" path="post-award">
          <PostAwardTab terms={terms} />
        </TabbedShowLayout.Tab>
      )}
      <TabbedShowLayout.Tab label="app.applications.tabs.timeline" path="timeline">
        <TimelineView workflow={workflow} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.attachments.tab" path="attachments">
        <AttachmentsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.review.tabs.formal_check" path="formal-check">
        <WithAttachments applicationId={record?.id === undefined ? undefined : String(record.id)}>
          <FormalCheckTab />
        </WithAttachments>
      </TabbedShowLayout.Tab>
      {hasScoring(workflow) && (
        <TabbedShowLayout.Tab label="app.review.tabs.reviews" path="reviews">
          <ReviewsTab />
        </TabbedShowLayout.Tab>
      )}
      <TabbedShowLayout.Tab label="app.applications.tabs.assignments" path="assignments">
        <AssignmentsView />
      </TabbedShowLayout.Tab>
      {seesMails && (
        <TabbedShowLayout.Tab label="app.applications.tabs.notifications" path="notifications">
          <ApplicationNotifications />
        </TabbedShowLayout.Tab>
      )}
      <TabbedShowLayout.Tab label="app.correspondence.tabs.memos" path="memos">
        <MemosTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.correspondence.tabs.inquiries" path="inquiries">
        <InquiriesTab />
      </TabbedShowLayout.Tab>
      {seesBankAccount && (
        <TabbedShowLayout.Tab label="app.payments.tabs.bank_account" path="bank-account">
          <BankAccountTab />
        </TabbedShowLayout.Tab>
      )}
    </TabbedShowLayout>
  );
};

/**
 * The header at once; the tabs once the whole application is read. Coming from the list, react-admin first
 * shows the list's row, which lacks the 経費, the 見積 and the applicant's details (isWholeApplication).
 */
const Body = () => {
  const record = useRecordContext<ApplicationRecord>();
  return (
    <Box sx={{ p: 2 }}>
      <Header />
      {record && isWholeApplication(record) ? (
        <>
          <ApplicantHistoryPanel />
          <Tabs />
        </>
      ) : (
        <LinearProgress data-testid="application-loading" />
      )}
    </Box>
  );
};

/**
 * One application, read-only: what was applied for, the quote and how it was computed, the audit
 * history and the reviewers; the buttons are the transitions the API offers this user now.
 */
export const ApplicationShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
