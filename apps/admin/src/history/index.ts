export { ApplicantHistoryFlags, ApplicantHistoryPanel } from './ApplicantHistoryPanel';
