export { approvedPlanChanges, grantedExpenseTypes, linesOutsideGrant, type LineOutsideGrant, type PlanChangeFiling } from './grant-scope';
export { reportableFiscalYears, type ReportableFiscalYears } from './report-years';
