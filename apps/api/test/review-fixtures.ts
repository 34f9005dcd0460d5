import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { asIntake, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { login, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/** Full marks on the 事業再構築 standard rubric's three criteria. */
export const FULL = { commercialization: 4, restructuring: 3, policy: 2 };

/**
 * A reviewer's desk for the review suites (review.e2e, review-scoring.e2e): an API with the staff and the
 * reference catalogue, every role and two more reviewers logged in, one open round of 事業再構築補助金 and
 * the steps that bring an application to 書面審査.
 */
export interface ReviewDesk {
  t: TestApp;
  db: DataSource;
  staff: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  reviewer2: LoggedIn;
  reviewer3: LoggedIn;
  round: Round;
  /** the round's 通常枠 (restructuring.standard) */
  categoryId: string;
  /** a submitted application (through the workflow), optionally with overrides of its draft */
  submitted(overrides?: object): Promise<string>;
  /** assigns the application to the reviewer (as the manager); answers the assignment's id */
  assignTo(applicationId: string, reviewer: LoggedIn, purpose?: string): Promise<string>;
  /** a submitted application whose 要件確認 passed: in 書面審査 */
  underReview(overrides?: object): Promise<string>;
}

export const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

export async function startReviewDesk(label: string, options: { listen?: boolean } = {}): Promise<ReviewDesk> {
  const t = await startTestApp({ label, ...options });
  const db = t.app.get(DataSource);
  await seedStaff(t);
  await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
  const staff = await loginEveryRole(t);
  const reviewer2 = await login(t, 'reviewer2@jimukyoku.example.jp', DEMO_PASSWORD);
  const reviewer3 = await login(t, 'reviewer3@jimukyoku.example.jp', DEMO_PASSWORD);
  const round = await openRound(t);
  const category = await categoryByCode(t, round, 'restructuring.standard');

  const submitted = async (overrides = {}) => {
    const app = await createDraft(
      t,
      draftInput(round, category, { corporateNumber: corporateNumber(), claimedBonusItems: ['wageIncreaseBonus'], ...overrides }),
    );
    await asIntake(t, app.id, 'submit');
    return app.id;
  };
  const assignTo = async (applicationId: string, reviewer: LoggedIn, purpose = 'review') => {
    const res = await t
      .http()
      .post('/api/review-assignments')
      .set(bearer(staff.manager))
      .send({ applicationId, reviewerId: reviewer.user.id, purpose })
      .expect(201);
    return res.body.id as string;
  };
  const underReview = async (overrides = {}) => {
    const id = await submitted(overrides);
    await assignTo(id, staff.reviewer, 'formalCheck');
    const list = await t.http().get(`/api/applications/${id}/formal-check`).set(bearer(staff.reviewer)).expect(200);
    // the fixture's draft has no sales figures: 適 against the eligibility's 不適 needs a reason
    const answers = list.body.items.map((i: { code: string; passNeedsReason?: boolean }) => ({
      code: i.code,
      passed: true,
      ...(i.passNeedsReason ? { overrideReason: '売上高の減少を書面で確認した' } : {}),
    }));
    await t.http().post(`/api/applications/${id}/formal-check/complete`).set(bearer(staff.reviewer)).send({ outcome: 'pass', answers }).expect(200);
    return id;
  };
  return { t, db, staff, reviewer2, reviewer3, round, categoryId: category.id, submitted, assignTo, underReview };
}
