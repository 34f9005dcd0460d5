/**
 * Every migration, in order. The API, the `npm run migrate` CLI and the test harness all run
 * exactly this list, so there is one schema history. Add new migrations at the end.
 */
import { AuditLog1764201600000 } from './1764201600000-AuditLog';
import { StaffAccounts1764201700000 } from './1764201700000-StaffAccounts';
import { ProgramRules1764201800000 } from './1764201800000-ProgramRules';
import { Applications1764201900000 } from './1764201900000-Applications';
import { Intake1764202000000 } from './1764202000000-Intake';
import { Imports1764202100000 } from './1764202100000-Imports';
import { NotificationDelivery1764202200000 } from './1764202200000-NotificationDelivery';
import { Review1764202300000 } from './1764202300000-Review';
import { NotificationSchedules1764202400000 } from './1764202400000-NotificationSchedules';
import { NotificationReconciliation1764202500000 } from './1764202500000-NotificationReconciliation';
import { CorrectionReminders1764202600000 } from './1764202600000-CorrectionReminders';
import { BenefitPreCheck1764202700000 } from './1764202700000-BenefitPreCheck';
import { AppRole1764202800000 } from './1764202800000-AppRole';
import { AuditChain1764202900000 } from './1764202900000-AuditChain';
import { ImportResume1764203000000 } from './1764203000000-ImportResume';
import { SessionHardening1764203100000 } from './1764203100000-SessionHardening';
import { ApplicationExports1764203200000 } from './1764203200000-ApplicationExports';
import { ApplicationExportRetention1764203210000 } from './1764203210000-ApplicationExportRetention';
import { MemosAndInquiries1764203300000 } from './1764203300000-MemosAndInquiries';
import { SearchNormalize1764203500000 } from './1764203500000-SearchNormalize';
import { ApplicantFacts1764300000000 } from './1764300000000-ApplicantFacts';
import { NotificationTemplateCode1764320000000 } from './1764320000000-NotificationTemplateCode';
import { Reconsideration1764340000000 } from './1764340000000-Reconsideration';
import { ApplicantIdentity1764341000000 } from './1764341000000-ApplicantIdentity';
import { ReconsideredIndex1764342000000 } from './1764342000000-ReconsideredIndex';
import { BankAccounts1764400000000 } from './1764400000000-BankAccounts';
import { StatusLinks1764410000000 } from './1764410000000-StatusLinks';
import { PostAward1764420000000 } from './1764420000000-PostAward';
import { PaymentBatches1764430000000 } from './1764430000000-PaymentBatches';
import { Repayments1764440000000 } from './1764440000000-Repayments';
import { CommercializationReports1764441000000 } from './1764441000000-CommercializationReports';
import { ApplicationListIndexes1764500000000 } from './1764500000000-ApplicationListIndexes';
import { ApplicationSearchText1764500100000 } from './1764500100000-ApplicationSearchText';
import { AdvancePayments1764530000000 } from './1764530000000-AdvancePayments';
import { PipelineCounts1764600000000 } from './1764600000000-PipelineCounts';
import { ApplicationSearchBigrams1764600100000 } from './1764600100000-ApplicationSearchBigrams';
import { OpenAssignmentIndex1764600200000 } from './1764600200000-OpenAssignmentIndex';
import { RepaymentRequestKey1764600300000 } from './1764600300000-RepaymentRequestKey';
import { RequestedAmount1764600400000 } from './1764600400000-RequestedAmount';
import { AdvanceExcessClaim1764600500000 } from './1764600500000-AdvanceExcessClaim';
import { PrefectureOrder1764600600000 } from './1764600600000-PrefectureOrder';
import { StateOrder1764600700000 } from './1764600700000-StateOrder';
import { FiscalYearReportedOnce1764600800000 } from './1764600800000-FiscalYearReportedOnce';

export const MIGRATIONS = [
  AuditLog1764201600000,
  StaffAccounts1764201700000,
  ProgramRules1764201800000,
  Applications1764201900000,
  Intake1764202000000,
  Imports1764202100000,
  NotificationDelivery1764202200000,
  Review1764202300000,
  NotificationSchedules1764202400000,
  NotificationReconciliation1764202500000,
  CorrectionReminders1764202600000,
  BenefitPreCheck1764202700000,
  AppRole1764202800000,
  AuditChain1764202900000,
  ImportResume1764203000000,
  SessionHardening1764203100000,
  ApplicationExports1764203200000,
  ApplicationExportRetention1764203210000,
  MemosAndInquiries1764203300000,
  SearchNormalize1764203500000,
  ApplicantFacts1764300000000,
  NotificationTemplateCode1764320000000,
  Reconsideration1764340000000,
  ApplicantIdentity1764341000000,
  ReconsideredIndex1764342000000,
  BankAccounts1764400000000,
  StatusLinks1764410000000,
  PostAward1764420000000,
  PaymentBatches1764430000000,
  Repayments1764440000000,
  CommercializationReports1764441000000,
  ApplicationListIndexes1764500000000,
  ApplicationSearchText1764500100000,
  AdvancePayments1764530000000,
  PipelineCounts1764600000000,
  ApplicationSearchBigrams1764600100000,
  OpenAssignmentIndex1764600200000,
  RepaymentRequestKey1764600300000,
  RequestedAmount1764600400000,
  AdvanceExcessClaim1764600500000,
  PrefectureOrder1764600600000,
  StateOrder1764600700000,
  FiscalYearReportedOnce1764600800000,
];

export { APP_ROLE } from './1764202800000-AppRole';
