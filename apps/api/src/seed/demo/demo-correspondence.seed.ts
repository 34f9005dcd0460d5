import { statesTagged } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { asUser, demoServices } from './demo-services';

const HOUR = 3_600_000;

/**
 * A few memos and 問い合わせ on the demo applications, written through the service staff use (each with
 * its audit record): a 差戻し application the applicant phoned about and was mailed, a 窓口 visit, an
 * application in 書面審査 with the manager's memo and its reviewer's. Runs after the demo applications.
 */
export const demoCorrespondenceSeed: SeedStep = {
  name: 'demo memos and inquiries',
  kind: 'demo',
  async run(m: EntityManager) {
    const [{ n }] = await m.query(`SELECT (SELECT count(*) FROM application_memo) + (SELECT count(*) FROM inquiry) AS n`);
    if (Number(n) > 0) return 'already present';
    const manager = asUser(await m.findOneByOrFail(StaffUser, { role: 'manager' }));
    const { correspondence } = demoServices(m);
    const pick = (tag: Parameters<typeof statesTagged>[0], limit: number): Promise<{ id: string }[]> =>
      m.query(`SELECT id FROM application WHERE receipt_number IS NOT NULL AND status = ANY($1) ORDER BY receipt_number LIMIT $2`, [statesTagged(tag), limit]);
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
    let memos = 0;
    let inquiries = 0;

    const returned = await pick('returnedToApplicant', 2);
    for (const [i, { id }] of returned.entries()) {
      await correspondence.createInquiry(
        {
          applicationId: id,
          occurredAt: ago(50 - i * 5),
          channel: 'phone',
          direction: 'inbound',
          summary: '差戻しの内容について問い合わせ。収支計画の表を添付し直せばよいかとの質問に、補正期限までに再提出するよう回答。',
        },
        manager,
        {},
      );
      await correspondence.createInquiry(
        { applicationId: id, occurredAt: ago(26 - i * 5), channel: 'email', direction: 'outbound', summary: '補正期限と再提出の方法をメールで案内した。' },
        manager,
        {},
      );
      await correspondence.createMemo({ applicationId: id, body: '電話で補正内容を説明済み。再提出があれば優先して要件確認する。' }, manager, {});
      inquiries += 2;
      memos++;
    }
    const [visitor] = await pick('awaitsFormalCheck', 1);
    if (visitor) {
      await correspondence.createInquiry(
        {
          applicationId: visitor.id,
          occurredAt: ago(8),
          channel: 'counter',
          direction: 'inbound',
          summary: '窓口に来訪。売上台帳の原本を持参したため、写しを取り返却した。',
        },
        manager,
        {},
      );
      inquiries++;
    }
    const [reviewed]: { application_id: string; reviewer_id: string }[] = await m.query(
      `SELECT x.application_id, x.reviewer_id FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE x.purpose = 'review' AND x.revoked_at IS NULL AND a.status = ANY($1) ORDER BY a.receipt_number, x.assigned_at LIMIT 1`,
      [statesTagged('openForScoring')],
    );
    if (reviewed) {
      const reviewer = asUser(await m.findOneByOrFail(StaffUser, { id: reviewed.reviewer_id }));
      await correspondence.createMemo(
        { applicationId: reviewed.application_id, body: '市場規模の根拠資料が事業計画書に見当たらない。他の審査員の見解も確認したい。' },
        reviewer,
        {},
      );
      await correspondence.createMemo({ applicationId: reviewed.application_id, body: '根拠資料の有無を申請者に確認する予定。' }, manager, {});
      memos += 2;
    }
    return `${memos} memos and ${inquiries} inquiries`;
  },
};
