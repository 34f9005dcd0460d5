import { randomInt } from 'node:crypto';
import { corporateNumberCheckDigit } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../database';
import { ApplicationsService, DraftInput } from '../modules/applications/applications.service';
import { TransitionsService } from '../modules/applications/transitions.service';
import { Category } from '../modules/programs/category.entity';
import { Round } from '../modules/rounds/round.entity';
import type { TestApp } from './test-app';

/** A valid 13-digit 法人番号 (check digit per the official formula) from a 12-digit base. */
export function corporateNumber(base12?: string): string {
  const base = base12 ?? String(randomInt(1e11, 1e12 - 1)).padStart(12, '0');
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/** Round numbers for openRound: each test file has its own database, so a counter never repeats in it (a random number did, now and then). */
let nextRoundNumber = 100;

/** A round of `programCode` on the given rule set that is open now (opened yesterday, closes in 30 days). */
export async function openRound(t: TestApp, ruleSetCode = 'restructuring.r3-sup', number = nextRoundNumber++): Promise<Round> {
  const db = t.app.get(DataSource);
  const [rs] = await db.query(`SELECT id, program_id FROM rule_set WHERE code = $1 ORDER BY version DESC LIMIT 1`, [ruleSetCode]);
  const [program] = await db.query(`SELECT code FROM program WHERE id = $1`, [rs.program_id]);
  const round = await db.getRepository(Round).save(
    db.getRepository(Round).create({
      code: `${program.code}.round${number}`,
      programId: rs.program_id,
      ruleSetId: rs.id,
      number,
      name: `第${number}回公募`,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      announcementFrom: new Date(Date.now() + 60 * 86_400_000),
      announcementTo: new Date(Date.now() + 70 * 86_400_000),
      announcementLabel: '2か月後（テスト）',
      workflowVersion: 1,
      correctionPeriodDays: 10,
    }),
  );
  await db.query(`INSERT INTO round_category (round_id, category_id) SELECT $1, id FROM category WHERE rule_set_id = $2`, [round.id, rs.id]);
  return round;
}

/**
 * The round's 応募締切 passes: closesAt moves to a second ago (the grace too), as the clock would bring it. A decision
 * is committed only after it (AdoptionService); `reopenRound` gives a later deadline, for a suite that goes on
 * submitting into the same round.
 */
export async function closeRound(t: TestApp, round: Round): Promise<Round> {
  const [[row]] = await t.app
    .get(DataSource)
    .query(`UPDATE round SET closes_at = now() - interval '1 second', grace_minutes = 0 WHERE id = $1 RETURNING closes_at`, [round.id]);
  return Object.assign(round, { closesAt: row.closes_at, graceMinutes: 0 });
}

/** A later deadline (30 days on) for a round `closeRound` closed: it takes applications again. */
export async function reopenRound(t: TestApp, round: Round): Promise<Round> {
  const [[row]] = await t.app
    .get(DataSource)
    .query(`UPDATE round SET closes_at = now() + interval '30 days', closed_at = NULL WHERE id = $1 RETURNING closes_at`, [round.id]);
  return Object.assign(round, { closesAt: row.closes_at });
}

/**
 * 採択 as a committed decision carries it out (`byDecision`), which comes after the 応募締切: the round is closed
 * for it (closeRound) and given a later deadline again (reopenRound), so a suite may go on submitting into it.
 */
export async function adoptByDecision(t: TestApp, round: Round, applicationId: string, managerId: string): Promise<void> {
  await closeRound(t, round);
  await t.app.get(TransitionsService).fire(applicationId, 'adopt', { role: 'manager', id: managerId }, { byDecision: true });
  await reopenRound(t, round);
}

export function draftInput(round: Round, category: Category, overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    roundId: round.id,
    categoryId: category.id,
    applicantKind: 'corporation',
    applicantName: '株式会社テスト製作所',
    corporateNumber: corporateNumber(),
    sizeClass: 'sme',
    employeeCount: 30,
    capital: 30_000_000,
    prefecture: '北海道',
    industry: 'manufacturing',
    email: 'applicant@example.jp',
    contactPerson: '試験 太郎',
    certifiedAdvisor: { name: '北海道経営支援センター', id: 'ADV-0001' },
    planTitle: 'EV部品の新分野展開',
    planSummary: 'ガソリン車向け部品から電気自動車向け部品へ',
    expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '加工機' }],
    monthlySales: [],
    benefitInput: null,
    ...overrides,
  };
}

/**
 * A 事業復活支援金 applicant's sales (README "事業復活支援金"): a 法人 of 年間売上高 1億, 基準期間 2019-11 at 1,000,000円 a
 * month and 対象月 2022-01 at 500,000円, ▲50%: 5,000,000 − 500,000 × 5 = 2,500,000, capped at 給付額 1,000,000円.
 */
export const HALVED_SALES = {
  applicantKind: 'corporation',
  targetMonth: '2022-01',
  targetMonthSales: 500_000,
  basePeriod: '2019-11',
  basePeriodSales: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
  annualRevenue: 100_000_000,
};

/** A 登録確認機関's 事前確認 (通知番号 and 機関名). */
export const PRE_CHECK = { confirmationNumber: 'JK0123456789', agencyName: '北海道商工会連合会' };

/** A 事業復活支援金 application: no plan or expenses, HALVED_SALES (給付額 1,000,000円) and a PRE_CHECK. */
export function benefitDraftInput(round: Round, category: Category, overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    ...draftInput(round, category),
    certifiedAdvisor: null,
    planTitle: null,
    planSummary: null,
    expenses: [],
    benefitInput: { ...HALVED_SALES, basePeriodSales: [...HALVED_SALES.basePeriodSales] },
    preCheck: { ...PRE_CHECK },
    ...overrides,
  };
}

export async function categoryByCode(t: TestApp, round: Round, code: string): Promise<Category> {
  return t.app.get(DataSource).getRepository(Category).findOneByOrFail({ ruleSetId: round.ruleSetId, code });
}

export async function createDraft(t: TestApp, input: DraftInput) {
  return t.app.get(UnitOfWork).run((tx) => t.app.get(ApplicationsService).createDraft(tx, input));
}

/** Fires a transition as the applicant's intake channel (the intake API arrives with its own issue). */
export function asIntake(t: TestApp, id: string, transition: string, reason?: string) {
  return t.app.get(TransitionsService).fire(id, transition, { role: 'intake', id: null }, { reason });
}

/** Fires a transition as a role without a staff account (system work, a reviewer's step in a workflow test). */
export function asRole(t: TestApp, id: string, transition: string, role: 'system' | 'reviewer' | 'manager', reason?: string) {
  return t.app.get(TransitionsService).fire(id, transition, { role, id: null }, { reason });
}

/** Assigns a reviewer directly (a shortcut for workflow tests; review.e2e.ts drives the assignment API). */
export async function assign(t: TestApp, applicationId: string, reviewerId: string) {
  await t.app.get(DataSource).query(`INSERT INTO application_assignment (application_id, reviewer_id) VALUES ($1, $2)`, [applicationId, reviewerId]);
}

/** Records a formal-check outcome directly (a shortcut for workflow tests; review.e2e.ts drives the checklist). */
export async function recordFormalCheck(t: TestApp, applicationId: string, passed: boolean) {
  await t.app
    .get(DataSource)
    .query(`UPDATE application SET formal_check = $2 WHERE id = $1`, [applicationId, JSON.stringify({ passed, failedItems: passed ? [] : ['businessPlan'] })]);
}

export async function submitAllReviews(t: TestApp, applicationId: string) {
  await t.app.get(DataSource).query(`UPDATE application_assignment SET submitted_at = now() WHERE application_id = $1`, [applicationId]);
}
