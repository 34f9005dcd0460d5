import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApplicationsRepository } from '../../modules/applications/applications.repository';
import { TransitionsService } from '../../modules/applications/transitions.service';
import { AuditRepository } from '../../modules/audit/audit.repository';
import { AuditService } from '../../modules/audit/audit.service';
import { AdoptionService } from '../../modules/review/adoption.service';
import { AssignmentsService } from '../../modules/review/assignments.service';
import { FormalCheckService } from '../../modules/review/formal-check.service';
import { RankingService } from '../../modules/review/ranking.service';
import { RubricsService } from '../../modules/review/rubrics.service';
import { ScoreSheetsService } from '../../modules/review/score-sheets.service';
import type { StaffUser } from '../../modules/users/staff-user.entity';

/**
 * A DataSource whose every call runs in the seed step's transaction: the services open "their"
 * transaction, which here is the step's own. So the demo goes through exactly the code paths staff
 * use (checklist, assignment, scoring, decision), and a failing step still leaves nothing behind.
 */
function withinTransaction(m: EntityManager): DataSource {
  return {
    manager: m,
    transaction: <T>(work: (em: EntityManager) => Promise<T>) => work(m),
    query: (sql: string, params?: unknown[]) => m.query(sql, params),
    getRepository: m.getRepository.bind(m),
  } as unknown as DataSource;
}

/** The review services wired by hand, as Nest would, over the step's transaction. */
export function demoServices(m: EntityManager) {
  const ds = withinTransaction(m);
  const audit = new AuditService(new AuditRepository(ds));
  const applications = new ApplicationsRepository(ds);
  const transitions = new TransitionsService(applications);
  const rubrics = new RubricsService(ds, audit);
  const assignments = new AssignmentsService(ds, rubrics);
  const ranking = new RankingService(ds, rubrics);
  return {
    transitions,
    rubrics,
    assignments,
    formalChecks: new FormalCheckService(applications, transitions),
    sheets: new ScoreSheetsService(ds, applications, transitions, rubrics, assignments, audit),
    ranking,
    adoption: new AdoptionService(ds, ranking, transitions, audit),
  };
}

export type DemoServices = ReturnType<typeof demoServices>;

/** A staff account as the services see a logged-in user. */
export const asUser = (u: StaffUser): AuthenticatedUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, organisation: u.organisation, sessionId: 'demo-seed', mustChangePassword: false });
