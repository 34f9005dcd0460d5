import { distinctStates, stateChoices, TONE_COLORS, toneColor, type WorkflowRecord } from './workflowStates';

const workflow = (id: string, states: [string, string, WorkflowRecord['states'][number]['tone']][]): WorkflowRecord => ({
  id,
  code: id.split('@')[0]!,
  version: 1,
  label: id,
  states: states.map(([code, label, tone]) => ({ code, label, kind: 'active', tone, tags: [] })),
  transitions: [],
});

describe('workflow states for the 状態 filter and the chips', () => {
  const subsidy = workflow('subsidy@1', [
    ['draft', '下書き', 'neutral'],
    ['notGranted', '不交付', 'negative'],
    ['withdrawn', '取下げ', 'negative'],
  ]);
  const benefit = workflow('benefit@1', [
    ['idIssued', '申請ID発行', 'neutral'],
    ['notGranted', '不給付', 'negative'],
    ['withdrawn', '取下げ', 'negative'],
  ]);

  it('lists each state once, in the order the API gives, the first (補助金) label winning', () => {
    expect(distinctStates([subsidy, benefit]).map((s) => `${s.code}:${s.label}`)).toEqual([
      'draft:下書き',
      'notGranted:不交付',
      'withdrawn:取下げ',
      'idIssued:申請ID発行',
    ]);
    expect(stateChoices(distinctStates([subsidy]))).toEqual([
      { id: 'draft', name: '下書き' },
      { id: 'notGranted', name: '不交付' },
      { id: 'withdrawn', name: '取下げ' },
    ]);
    expect(distinctStates([])).toEqual([]);
  });

  it.each([
    ['neutral', 'default'],
    ['progress', 'info'],
    ['attention', 'warning'],
    ['negative', 'error'],
    ['positive', 'success'],
    ['postAward', 'secondary'],
  ] as const)('shows the %s tone as a %s chip', (tone, color) => {
    expect(TONE_COLORS[tone]).toBe(color);
    expect(toneColor(tone)).toBe(color);
  });

  it('shows a state it has no tone for (not loaded yet, or a tone added later) as in progress', () => {
    expect(toneColor(undefined)).toBe('info');
    expect(toneColor('somethingNew')).toBe('info');
  });
});
