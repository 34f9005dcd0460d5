export { approvedPlanChanges, grantedExpenseTypes, linesOutsideGrant, type LineOutsideGrant, type PlanChangeFiling } from './grant-scope';
