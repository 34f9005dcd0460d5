import { isBeforeRoundDeadline, roundDeadline } from '@jimukyoku/domain';
import { Client } from 'pg';
import { roundDeadlineSql } from '../src/modules/rounds/rounds.repository';
import { databaseUrlFor } from './test-run';

/**
 * 応募締切 has one rule in two languages: `roundDeadline` (libs/domain, used by intake, the workflow
 * guard and the round editor) and `roundDeadlineSql` (the scheduler's queries). They must agree to
 * the millisecond, and both treat the deadline instant itself as too late.
 */
describe('round deadline: TypeScript and SQL agree', () => {
  const db = new Client({ connectionString: databaseUrlFor('postgres') });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  const sql = (closesAt: Date, graceMinutes: number, now: Date) =>
    db
      .query(
        `SELECT ${roundDeadlineSql('r')} AS deadline, ${roundDeadlineSql('r')} > $3::timestamptz AS open FROM (SELECT $1::timestamptz AS closes_at, $2::int AS grace_minutes) r`,
        [closesAt, graceMinutes, now],
      )
      .then((r) => r.rows[0] as { deadline: Date; open: boolean });

  const closesAt = new Date('2022-03-24T09:00:00.000Z');
  it.each([
    ['no grace, one millisecond before', 0, '2022-03-24T08:59:59.999Z'],
    ['no grace, the deadline instant', 0, '2022-03-24T09:00:00.000Z'],
    ['90 minutes of grace, inside it', 90, '2022-03-24T10:29:59.999Z'],
    ['90 minutes of grace, its end', 90, '2022-03-24T10:30:00.000Z'],
    ['the largest grace (7 days), its end', 10_080, '2022-03-31T09:00:00.000Z'],
  ])('%s', async (_case, graceMinutes, nowIso) => {
    const now = new Date(nowIso);
    const fromSql = await sql(closesAt, graceMinutes, now);
    expect(fromSql.deadline.toISOString()).toBe(roundDeadline({ closesAt, graceMinutes }).toISOString());
    expect(fromSql.open).toBe(isBeforeRoundDeadline({ closesAt, graceMinutes }, now));
  });
});
