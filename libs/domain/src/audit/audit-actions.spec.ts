import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-actions';

describe('auditActionLabel', () => {
  const transitions: Record<string, string> = { adopt: '採択する', startFormalCheck: '要件確認を開始' };
  const byTransition = (name: string) => transitions[name];

  it.each([
    ['a state change by its transition label', 'application.adopt', '採択する'],
    ['another transition', 'application.startFormalCheck', '要件確認を開始'],
    ['an account change', 'user.created', 'ユーザー作成'],
    ['a sign-in', 'auth.login', 'ログイン'],
    ['the committed adoption', 'adoption.commit', '採択の確定'],
    ['a transition the definitions do not know', 'application.unknownThing', undefined],
    ['an unknown action', 'something.else', undefined],
    ['a name of Object.prototype', 'constructor', undefined],
  ])('%s: %s → %s', (_what, action, expected) => {
    expect(auditActionLabel(action, byTransition)).toBe(expected);
  });

  it('names every action in Japanese, none by its code', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label).not.toBe(action);
      expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
