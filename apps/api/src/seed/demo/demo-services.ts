import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApplicationsRepository } from '../../modules/applications/applications.repository';
import { TransitionsService } from '../../modules/applications/transitions.service';
import { AuditRepository } from '../../modules/audit/audit.repository';
import { AuditService } from '../../modules/audit/audit.service';
import { asTransaction, UnitOfWork } from '../../database';
import { ApplicationsService } from '../../modules/applications/applications.service';
import { ReconsiderationService } from '../../modules/applications/reconsideration.service';
import { IntakeRepository } from '../../modules/intake/intake.repository';
import { IntakeChannelsRepository } from '../../modules/intake/intake-channels.repository';
import { IntakeChannelsService } from '../../modules/intake/intake-channels.service';
import { NotificationsRepository } from '../../modules/notifications/notifications.repository';
import { AdoptionRepository } from '../../modules/adoption/adoption.repository';
import { AdoptionService } from '../../modules/adoption/adoption.service';
import { RankingRepository } from '../../modules/adoption/ranking.repository';
import { RankingService } from '../../modules/adoption/ranking.service';
import { AssignmentsRepository } from '../../modules/assignments/assignments.repository';
import { AssignmentsService } from '../../modules/assignments/assignments.service';
import { FormalCheckRepository } from '../../modules/formal-check/formal-check.repository';
import { CorrespondenceRepository } from '../../modules/correspondence/correspondence.repository';
import { CorrespondenceService } from '../../modules/correspondence/correspondence.service';
import { BankAccountsRepository } from '../../modules/bank-accounts/bank-accounts.repository';
import { PostAwardRepository } from '../../modules/post-award/post-award.repository';
import { GrantScope } from '../../modules/post-award/grant-scope.service';
import { PostAwardService } from '../../modules/post-award/post-award.service';
import { PostAwardView } from '../../modules/post-award/post-award-view.service';
import { RepaymentsRepository } from '../../modules/post-award/repayments.repository';
import { CommercializationReportsRepository } from '../../modules/post-award/commercialization-reports.repository';
import { BankAccountsService } from '../../modules/bank-accounts/bank-accounts.service';
import { FormalCheckService } from '../../modules/formal-check/formal-check.service';
import { RulesRepository } from '../../modules/programs/rules.repository';
import { ReviewersRepository } from '../../modules/reviewers/reviewers.repository';
import { ReviewersService } from '../../modules/reviewers/reviewers.service';
import { RoundsRepository } from '../../modules/rounds/rounds.repository';
import { RubricsRepository } from '../../modules/rubrics/rubrics.repository';
import { RubricsService } from '../../modules/rubrics/rubrics.service';
import { ScoreSheetsService } from '../../modules/scoring/score-sheets.service';
import { ScoringRepository } from '../../modules/scoring/scoring.repository';
import { UsersRepository } from '../../modules/users/users.repository';
import type { StaffUser } from '../../modules/users/staff-user.entity';
import { PaymentBatchesRepository } from '../../modules/payment-batches/payment-batches.repository';
import { PaymentBatchesService } from '../../modules/payment-batches/payment-batches.service';
import { RepaymentsService } from '../../modules/post-award/repayments.service';
import { DEV_PAYMENT_REQUESTER, type AppConfig } from '../../config';
import type { Transaction } from '../../database';
import type { StoryClock } from './demo-clock';

/**
 * A DataSource whose every call runs in the seed step's transaction: the services open "their"
 * transaction, which here is the step's own. So the demo goes through exactly the code paths staff
 * use (checklist, assignment, scoring, decision), and a failing step still leaves nothing behind.
 */
export function withinTransaction(m: EntityManager): DataSource {
  return {
    manager: m,
    transaction: <T>(work: (em: EntityManager) => Promise<T>) => work(m),
    query: (sql: string, params?: unknown[]) => m.query(sql, params),
    getRepository: m.getRepository.bind(m),
  } as unknown as DataSource;
}

/**
 * The applications' rows with the story's clock: inside `clock.at(t, …)` the database's "now" a service reasons
 * with (a 振込指定日 after today, a 振込日 not in the future) is `t`, so a payment made in the story's past is checked
 * as it was then.
 */
class StoryTimeApplications extends ApplicationsRepository {
  constructor(
    ds: DataSource,
    private readonly clock: StoryClock,
  ) {
    super(ds);
  }

  override async dbNow(tx?: Transaction): Promise<Date> {
    return this.clock.now() ?? super.dbNow(tx);
  }
}

/**
 * The services staff use, wired by hand as Nest would, over the step's transaction (`tx`); with the step's story
 * `clock`, the payment batches reason at story time (StoryTimeApplications).
 */
export function demoServices(m: EntityManager, clock?: StoryClock) {
  const ds = withinTransaction(m);
  const audit = new AuditService(new AuditRepository(ds));
  const uow = new UnitOfWork(ds);
  const applications = new ApplicationsRepository(ds);
  const rounds = new RoundsRepository(ds);
  const rules = new RulesRepository(ds);
  const transitions = new TransitionsService(applications, new AuditRepository(ds), new NotificationsRepository(ds), rules, uow);
  const rubrics = new RubricsService(new RubricsRepository(ds), rounds, rules, uow, audit);
  const assignmentRows = new AssignmentsRepository(ds);
  const assignments = new AssignmentsService(assignmentRows, applications, rounds, rubrics, audit, uow);
  const adoptionRows = new AdoptionRepository(ds);
  const ranking = new RankingService(adoptionRows, new RankingRepository(ds), rounds, rubrics);
  const reconsideration = new ReconsiderationService(applications, transitions, uow);
  // with the story clock, the 事業化状況報告 schedule runs from the story's 額の確定 and a batch reasons at story time
  const storyApplications = clock ? new StoryTimeApplications(ds, clock) : applications;
  const postAwardRows = new PostAwardRepository(ds);
  const repayments = new RepaymentsRepository(ds);
  const reports = new CommercializationReportsRepository(ds);
  const postAward = new PostAwardService(
    postAwardRows,
    storyApplications,
    transitions,
    audit,
    uow,
    repayments,
    reports,
    new GrantScope(postAwardRows, storyApplications, audit),
    new PostAwardView(postAwardRows, storyApplications, repayments, reports),
  );
  return {
    tx: asTransaction(m),
    applications: new ApplicationsService(applications, new AuditRepository(ds), reconsideration),
    reconsideration,
    intake: new IntakeRepository(ds),
    intakeChannels: new IntakeChannelsService(new IntakeChannelsRepository(ds), uow, audit),
    transitions,
    rubrics,
    assignments,
    reviewers: new ReviewersService(new ReviewersRepository(ds), new UsersRepository(ds), assignments, audit, uow),
    correspondence: new CorrespondenceService(new CorrespondenceRepository(ds), applications, audit, uow),
    bankAccounts: new BankAccountsService(new BankAccountsRepository(ds), applications, audit, uow),
    formalChecks: new FormalCheckService(new FormalCheckRepository(ds), applications, transitions, assignmentRows, rules, audit, uow),
    sheets: new ScoreSheetsService(
      new ScoringRepository(ds),
      applications,
      transitions,
      rubrics,
      assignments,
      assignmentRows,
      rules,
      new UsersRepository(ds),
      audit,
      uow,
    ),
    ranking,
    adoption: new AdoptionService(adoptionRows, ranking, transitions, audit, uow, rounds),
    postAward,
    repayments: new RepaymentsService(uow, new RepaymentsRepository(ds), new PostAwardRepository(ds), applications, transitions, audit, postAward),
    paymentBatches: new PaymentBatchesService(new PaymentBatchesRepository(ds), storyApplications, transitions, audit, uow, {
      paymentRequester: DEV_PAYMENT_REQUESTER,
    } as AppConfig),
  };
}

export type DemoServices = ReturnType<typeof demoServices>;

/** A staff account as the services see a logged-in user. */
export const asUser = (u: StaffUser): AuthenticatedUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisation: u.organisation,
  sessionId: 'demo-seed',
  mustChangePassword: false,
});
