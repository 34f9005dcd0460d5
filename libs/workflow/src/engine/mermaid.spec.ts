import { SUBSIDY_V1 } from '../definitions';
import type { WorkflowDefinition } from './definition';
import { toMermaid } from './mermaid';

const MINI: WorkflowDefinition = {
  code: 'mini',
  version: 3,
  label: '最小の手続',
  states: [
    { code: 'draft', label: '下書き', kind: 'initial', tone: 'progress' },
    { code: 'open', label: '受付中;確認#1\n二行目', kind: 'active', tone: 'progress' },
    { code: 'done', label: '完了', kind: 'terminal', tone: 'progress' },
    { code: 'gone', label: '取下げ', kind: 'terminal', tone: 'progress' },
  ],
  transitions: [
    { name: 'submit', label: '申請する', from: ['draft'], to: 'open', roles: ['applicant'] },
    { name: 'finish', label: '完了する', from: ['open'], to: 'done', roles: ['manager'] },
    { name: 'withdraw', label: '取り下げる', from: ['draft', 'open'], to: 'gone', roles: ['applicant'] },
  ],
};

describe('toMermaid', () => {
  const lines = toMermaid(MINI).trimEnd().split('\n');

  it('is a stateDiagram-v2 headed by the flow name and key', () => {
    expect(lines.slice(0, 2)).toEqual(['stateDiagram-v2', '  %% 最小の手続 (mini@3)']);
  });

  it('declares every state with its code as id and its Japanese label', () => {
    expect(lines).toEqual(expect.arrayContaining(['  draft : 下書き', '  done : 完了', '  gone : 取下げ']));
  });

  it('escapes characters that would break the diagram', () => {
    expect(lines).toContain('  open : 受付中；確認＃1 二行目');
  });

  it('starts at the initial state and ends at every terminal state', () => {
    expect(lines).toContain('  [*] --> draft');
    expect(lines).toContain('  done --> [*]');
    expect(lines).toContain('  gone --> [*]');
    expect(lines.filter((l) => l.includes('[*]'))).toHaveLength(3);
  });

  it('draws one labelled edge per source state of each transition', () => {
    expect(lines.filter((l) => l.includes('-->') && !l.includes('[*]'))).toEqual([
      '  draft --> open : 申請する',
      '  open --> done : 完了する',
      '  draft --> gone : 取り下げる',
      '  open --> gone : 取り下げる',
    ]);
  });

  it('draws the subsidy flow with its Japanese labels', () => {
    const text = toMermaid(SUBSIDY_V1);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const line of [
      '  [*] --> draft',
      '  underReview : 書面審査中',
      '  reviewed --> adopted : 採択する',
      '  waitlisted --> adopted : 繰上げ採択',
      '  resubmitted --> formalCheck : 要件確認を開始',
      '  commercializationReported --> [*]',
      '  rejected --> [*]',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });
});
