/**
 * A transition's label (要件確認を開始, 差し戻す, 採択する, 不採択とする) → what the notification says
 * once it is done (要件確認を開始しました, 差し戻しました, 採択しました, 不採択としました). Labels this
 * does not know how to conjugate become 「…」を実行しました.
 */
export function doneMessage(label: string): string {
  const l = label.trim();
  const plain = l.replace(/（[^）]*）$/, '');
  const endings: [RegExp, string][] = [
    [/する$/, 'しました'],
    [/とする$/, 'としました'],
    [/(開始|完了)$/, '$1しました'],
    [/す$/, 'しました'],
    [/う$/, 'いました'],
    [/る$/, 'ました'],
  ];
  if (plain !== l) return `「${l}」を実行しました`;
  for (const [ending, replacement] of endings) if (ending.test(l)) return l.replace(ending, replacement);
  return `「${l}」を実行しました`;
}
