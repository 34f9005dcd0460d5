/** 別の類型で再審査 (docs/reconsideration.md) and the 申請履歴 panel (docs/applicant-history.md). */
export const reconsiderationMessages = {
  button: '別の類型で再審査',
  title: '別の類型で再審査',
  body: 'この申請を「%{from}」から同じ公募回の別の類型へ移し、その類型で審査します。補助金額はその類型で計算し直し、書面審査の評価と監査ログは引き継ぎます。申請者への通知は採択発表まで保留されます。保留中の補欠の通知があれば取り消されます。',
  target: '移す類型',
  reason: '理由（監査ログに残り、申請者への通知にも載ります）',
  confirm: '再審査へ移す',
  done: '「%{to}」で再審査します（補助金額 %{amount}）',
  moved_from: '再審査（元の類型: %{name}）',
};

export const historyMessages = {
  title: '申請履歴',
  intro: '同じ事業者の、他の公募回・他の事業の申請です。',
  key_corporate: '法人番号 %{value} で照合',
  key_invoice: 'インボイス登録番号 %{value} で照合',
  key_personal: '事業者名・住所・生年月日で照合（推定）',
  key_none: '照合の手がかり（法人番号、インボイス登録番号、または住所と生年月日）がないため、履歴を探せません。',
  empty: '他の申請はありません。',
  probable: '推定一致',
  exact: '一致',
  adopted: '採択',
  flags: '審査担当への注意',
  columns: {
    receipt: '受付番号',
    program: '事業・公募回',
    category: '類型',
    status: '状態',
    amount: '金額',
    match: '照合',
  },
};
