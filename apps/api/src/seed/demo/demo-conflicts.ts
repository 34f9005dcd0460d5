import type { DemoContext } from './demo-applications.seed';
import { asUser } from './demo-services';

const HOUR = 3_600_000;

/**
 * 利益相反の申告 from `from` on, before 第12回's 要件確認 is assigned (README "Review and adoption"), so the automatic
 * assignment routes around them and the 利益相反 list has an active declaration of each kind and a withdrawn one:
 * - a reviewer declares the company they worked for (組織名: an applicant of the round);
 * - the manager declares, for another reviewer, a company a relative runs (法人番号: another applicant);
 * - a third declaration, of a business partner, turns out to be another company of the same name and is withdrawn.
 */
export async function declareConflicts(ctx: DemoContext, applications: string[], from: number): Promise<void> {
  const { services, manager, reviewers, clock } = ctx;
  const [former, relative] = await ctx.m.query(
    `SELECT applicant_name AS name, corporate_number AS "corporateNumber" FROM application
      WHERE id = ANY($1) AND receipt_number IS NOT NULL AND corporate_number IS NOT NULL ORDER BY receipt_number LIMIT 2`,
    [applications],
  );
  const [first, second, third] = reviewers;
  await clock.at(from, () =>
    services.reviewers.declare({ reviewerId: first.id, kind: 'organisation', value: former.name, note: '前職（2020年3月まで在籍）' }, asUser(first), {}),
  );
  await clock.at(from + 2 * HOUR, () =>
    services.reviewers.declare(
      { reviewerId: second.id, kind: 'corporateNumber', value: relative.corporateNumber, note: `親族が役員を務める（${relative.name}）` },
      asUser(manager),
      {},
    ),
  );
  const mistaken = await clock.at(from + 4 * HOUR, () =>
    services.reviewers.declare({ reviewerId: third.id, kind: 'organisation', value: '株式会社みなと商事', note: '取引先' }, asUser(third), {}),
  );
  await clock.at(from + 6 * HOUR, () => services.reviewers.revokeConflict(mistaken.id, asUser(manager), {}));
}
