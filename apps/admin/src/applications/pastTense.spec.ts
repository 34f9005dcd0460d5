import { doneMessage } from './pastTense';

describe('doneMessage (the notification after a transition)', () => {
  it.each([
    ['a する verb', '採択する', '採択しました'],
    ['とする', '不採択とする', '不採択としました'],
    ['a noun ending in 開始', '要件確認を開始', '要件確認を開始しました'],
    ['a noun ending in 完了', '書面審査を完了', '書面審査を完了しました'],
    ['差し戻す', '差し戻す', '差し戻しました'],
    ['支払う', '支払う', '支払いました'],
    ['取り下げる', '取り下げる', '取り下げました'],
    ['a label with a note in brackets', '要件確認を完了（審査へ）', '「要件確認を完了（審査へ）」を実行しました'],
    ['a noun it cannot conjugate', '繰上げ採択', '「繰上げ採択」を実行しました'],
  ])('%s: %s → %s', (_rule, label, message) => expect(doneMessage(label)).toBe(message));
});
