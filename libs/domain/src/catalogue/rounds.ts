/**
 * Rounds (公募). Times are JST instants with an explicit +09:00 offset. Only 事業再構築 第4回/第5回
 * and the 地域DX促進 start date come from the briefing; every other date is an assumption.
 */
import type { PlannedPeriod, Round } from './catalogue.types';

/** 上旬 = days 1–10, 中旬 = 11–20, 下旬 = 21–end of month. */
const period = (from: string, to: string, label: string): PlannedPeriod => ({ from: `${from}T00:00:00+09:00`, to: `${to}T23:59:59+09:00`, label });

const OPENING_HOUR_NOTE = '公募開始の時刻は記載がないため0:00とした';
const UNDATED_NOTE = 'ブリーフィングに日程の記載がないため仮置き（公募要領で確認のこと）';

export const ROUNDS: readonly Round[] = [
  {
    code: 'restructuring.round4',
    programCode: 'restructuring',
    ruleSetCode: 'restructuring.r2-sup3',
    number: 4,
    name: '第4回公募',
    opensAt: '2021-10-28T00:00:00+09:00',
    closesAt: '2021-12-21T18:00:00+09:00',
    announcement: period('2022-03-01', '2022-03-10', '令和4年3月上旬頃（予定）'),
    assumption: OPENING_HOUR_NOTE,
  },
  {
    code: 'restructuring.round5',
    programCode: 'restructuring',
    ruleSetCode: 'restructuring.r2-sup3',
    // the plan-share rule changed from 第5回 (付加価値額15% …): version 2 of the same 予算
    ruleSetVersion: 2,
    number: 5,
    name: '第5回公募',
    opensAt: '2022-01-20T00:00:00+09:00',
    closesAt: '2022-03-24T18:00:00+09:00',
    announcement: period('2022-05-21', '2022-06-10', '令和4年5月下旬～6月上旬頃（予定）'),
    assumption: `応募締切の時刻は記載がないため第4回と同じ18:00とした。${OPENING_HOUR_NOTE}`,
  },
  {
    code: 'restructuring.round6',
    programCode: 'restructuring',
    ruleSetCode: 'restructuring.r3-sup',
    number: 6,
    name: '第6回公募',
    opensAt: '2022-03-28T00:00:00+09:00',
    closesAt: '2022-06-30T18:00:00+09:00',
    announcement: period('2022-08-21', '2022-08-31', '令和4年8月下旬頃（予定）'),
    assumption: `ブリーフィングは「2022年にさらに3回程度」とのみ記載。${UNDATED_NOTE}`,
  },
  {
    code: 'monozukuri.round10',
    programCode: 'monozukuri',
    ruleSetCode: 'monozukuri.r3-sup',
    number: 10,
    name: '10次公募',
    opensAt: '2022-02-17T00:00:00+09:00',
    closesAt: '2022-05-11T17:00:00+09:00',
    announcement: period('2022-06-21', '2022-06-30', '令和4年6月下旬頃（予定）'),
    assumption: `ブリーフィングは「令和4年2月中旬から」とのみ記載。開始日・締切・採択発表は${UNDATED_NOTE}`,
  },
  {
    code: 'sustainability.round8',
    programCode: 'sustainability',
    ruleSetCode: 'sustainability.r3-sup',
    number: 8,
    name: '第8回公募',
    opensAt: '2022-03-22T00:00:00+09:00',
    closesAt: '2022-06-03T17:00:00+09:00',
    announcement: period('2022-07-11', '2022-07-20', '令和4年7月中旬頃（予定）'),
    assumption: `ブリーフィングは「公募中」とのみ記載。回数・${UNDATED_NOTE}`,
  },
  ...[
    // 低感染リスク型ビジネス枠: the briefing lists the 受付締切 of 第4回–第6回; each round takes what arrived since the last
    ['4', '2021-09-09', '2021-11-10'],
    ['5', '2021-11-11', '2022-01-12'],
    ['6', '2022-01-13', '2022-03-09'],
  ].map(([n, opens, closes]): Round => ({
    code: `sustainability.lowInfectionRisk.round${n}`,
    programCode: 'sustainability',
    ruleSetCode: 'sustainability.r2-sup3',
    number: Number(n),
    name: `低感染リスク型ビジネス枠 第${n}回受付締切`,
    opensAt: `${opens}T00:00:00+09:00`,
    closesAt: `${closes}T17:00:00+09:00`,
    assumption:
      '受付締切日はブリーフィングによる（時刻は記載がないため17:00とした）。受付開始は前回の締切の翌日とした（公募は2021年3月31日開始の随時受付）。採択発表日は記載がない。回の番号は一般型と同じ事業の中で重ならないよう低感染リスク型ビジネス枠の回数をそのまま用いた',
  })),
  {
    code: 'itIntroduction.round1',
    programCode: 'itIntroduction',
    ruleSetCode: 'itIntroduction.r3-sup',
    number: 1,
    name: 'デジタル化基盤導入枠 1次締切',
    opensAt: '2022-03-31T00:00:00+09:00',
    closesAt: '2022-04-20T17:00:00+09:00',
    assumption: `IT導入補助金には採択発表がない（交付決定）。${UNDATED_NOTE}`,
  },
  {
    code: 'recoveryBenefit.round1',
    programCode: 'recoveryBenefit',
    ruleSetCode: 'recoveryBenefit.r3-sup',
    number: 1,
    name: '申請受付',
    opensAt: '2022-01-31T00:00:00+09:00',
    closesAt: '2022-05-31T23:59:59+09:00',
    assumption: `給付金のため採択発表はない。申請期間は${UNDATED_NOTE}`,
  },
  {
    code: 'regionalDx.round1',
    programCode: 'regionalDx',
    ruleSetCode: 'regionalDx.r4',
    number: 1,
    name: '公募',
    opensAt: '2022-02-24T00:00:00+09:00',
    closesAt: '2022-03-24T12:00:00+09:00',
    assumption: `公募開始日（2月24日）はブリーフィングによる。${OPENING_HOUR_NOTE}。締切は${UNDATED_NOTE}`,
  },
  {
    code: 'regionalDigitalInnovation.round1',
    programCode: 'regionalDigitalInnovation',
    ruleSetCode: 'regionalDigitalInnovation.r4',
    number: 1,
    name: '公募',
    opensAt: '2022-04-01T00:00:00+09:00',
    closesAt: '2022-05-09T17:00:00+09:00',
    assumption: UNDATED_NOTE,
  },
  {
    code: 'regionalDigitalTalent.round1',
    programCode: 'regionalDigitalTalent',
    ruleSetCode: 'regionalDigitalTalent.r3-sup',
    number: 1,
    name: '公募',
    opensAt: '2022-02-01T00:00:00+09:00',
    closesAt: '2022-03-01T12:00:00+09:00',
    assumption: `ブリーフィングは「公募中」とのみ記載。${UNDATED_NOTE}`,
  },
  {
    code: 'regionalCoexistence.round1',
    programCode: 'regionalCoexistence',
    ruleSetCode: 'regionalCoexistence.r4',
    number: 1,
    name: '公募',
    opensAt: '2022-04-01T00:00:00+09:00',
    closesAt: '2022-05-20T12:00:00+09:00',
    assumption: UNDATED_NOTE,
  },
  {
    code: 'businessSuccession.round1',
    programCode: 'businessSuccession',
    ruleSetCode: 'businessSuccession.r3-sup',
    number: 1,
    name: '第1回公募',
    opensAt: '2022-03-01T00:00:00+09:00',
    closesAt: '2022-04-28T17:00:00+09:00',
    assumption: UNDATED_NOTE,
  },
];
