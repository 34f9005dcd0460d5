import { isBeforeRoundDeadline, isRoundOpenAt, roundDeadline } from './deadline';

const closesAt = new Date('2022-03-24T09:00:00Z'); // 18:00 JST
const opensAt = new Date('2022-01-20T01:00:00Z');
const at = (iso: string) => new Date(iso);

describe('round deadline', () => {
  it.each([
    ['no grace: the deadline is closesAt', { closesAt }, '2022-03-24T09:00:00.000Z'],
    ['null grace counts as none', { closesAt, graceMinutes: null }, '2022-03-24T09:00:00.000Z'],
    ['grace minutes move the deadline', { closesAt, graceMinutes: 90 }, '2022-03-24T10:30:00.000Z'],
    ['a negative grace adds nothing', { closesAt, graceMinutes: -5 }, '2022-03-24T09:00:00.000Z'],
  ])('%s', (_rule, round, deadline) => {
    expect(roundDeadline(round).toISOString()).toBe(deadline);
  });

  it.each([
    ['one millisecond before the deadline is in time', { closesAt }, '2022-03-24T08:59:59.999Z', true],
    ['the deadline instant itself is too late', { closesAt }, '2022-03-24T09:00:00.000Z', false],
    ['within the grace minutes is in time', { closesAt, graceMinutes: 30 }, '2022-03-24T09:29:59.999Z', true],
    ['the end of the grace minutes is too late', { closesAt, graceMinutes: 30 }, '2022-03-24T09:30:00.000Z', false],
  ])('%s', (_rule, round, now, inTime) => {
    expect(isBeforeRoundDeadline(round, at(now))).toBe(inTime);
  });

  it.each([
    ['before opensAt the round is not open', '2022-01-20T00:59:59.999Z', false],
    ['opensAt itself is open', '2022-01-20T01:00:00.000Z', true],
    ['between the two it is open', '2022-02-01T00:00:00.000Z', true],
    ['the deadline instant is closed', '2022-03-24T09:00:00.000Z', false],
  ])('%s', (_rule, now, open) => {
    expect(isRoundOpenAt({ opensAt, closesAt }, at(now))).toBe(open);
  });
});
