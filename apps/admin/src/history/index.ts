export { ApplicantHistoryPanel } from './ApplicantHistoryPanel';
