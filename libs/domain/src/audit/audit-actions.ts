/**
 * 監査ログの操作: the Japanese name of every audit action the API records, the one table the admin shows
 * them by (list, detail, an application's 履歴). An application's state change is recorded as
 * `application.<transition>` and named by its workflow definition's transition label instead (GET
 * /api/workflows), so those are not listed here. apps/api/src/__tests__/audit-action-labels.spec.ts
 * fails when the API records an action this table does not name.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'access.refused': 'アクセス拒否',
  'auth.login': 'ログイン',
  'auth.loginFailed': 'ログイン失敗',
  'auth.loginThrottled': 'ログイン失敗の多発で一時停止',
  'auth.logout': 'ログアウト',
  'auth.passwordChanged': 'パスワード変更',
  'auth.refreshReused': 'リフレッシュトークンの再使用を検知',
  'user.created': 'ユーザー作成',
  'user.updated': 'ユーザー更新',
  'user.deactivated': 'ユーザー無効化',
  'user.passwordReset': 'パスワード再設定',
  'program.created': '事業作成',
  'program.updated': '事業更新',
  'ruleSet.created': '予算・版作成',
  'ruleSet.updated': '予算・版更新',
  'ruleSet.versioned': '新しい版を作成',
  'category.created': '類型作成',
  'category.updated': '類型更新',
  'category.deleted': '類型削除',
  'round.created': '公募回作成',
  'round.updated': '公募回更新',
  'round.closed': '公募回の締切処理',
  'notificationTemplate.saved': 'テンプレートの新しい版を保存',
  'notification.resent': '通知の再送',
  'notification.confirmedDelivered': '通知の配信を確認',
  'intakeChannel.created': '受付窓口作成',
  'intakeChannel.revoked': 'APIキー失効',
  'import.created': '一括取込の登録',
  'attachment.downloaded': '添付ファイルのダウンロード',
  'attachment.orphansRemoved': '未使用の添付ファイルを削除',
  'applicationExport.created': '申請データの出力を依頼',
  'applicationExport.finished': '申請データの出力完了',
  'applicationExport.downloaded': '申請データのダウンロード',
  'applicationExport.expired': '申請データの出力ファイルを削除（保存期間切れ）',
  'formalCheck.overridden': '要件確認の判定を変更',
  'formalCheck.passed': '要件確認を完了（適）',
  'assignment.create': '審査員の割当',
  'assignment.auto': '自動割当',
  'assignment.reassign': '審査員の付け替え',
  'assignment.reschedule': '審査期限の変更',
  'assignment.revoke': '割当の取消',
  'assignment.extraOnDisagreement': '評価のばらつきによる追加割当',
  'review.submit': '採点票の提出',
  'review.reopen': '採点票の差戻し (再開)',
  'review.disagreement': '審査員間の評価のばらつきを検知',
  'review.remindOverdue': '期限超過の審査員へ督促',
  'reviewRubric.update': '審査基準の更新',
  'reviewer.update': '審査員設定の更新',
  'conflictOfInterest.declare': '利益相反の申告',
  'conflictOfInterest.revoke': '利益相反の取消',
  'adoption.commit': '採択の確定',
  'applicationMemo.created': '申請メモの登録',
  'inquiry.recorded': '問い合わせの記録',
  'bankAccount.registered': '受取人の口座の登録',
  'bankAccount.changed': '受取人の口座の変更',
  'paymentBatch.created': '支払バッチの作成',
  'paymentBatch.downloaded': '全銀ファイルのダウンロード',
  'paymentBatch.confirmed': '支払バッチの振込確定',
  'paymentBatch.cancelled': '支払バッチの取消',
  'statusLink.revoked': '申請状況ページのリンクの無効化',
  'finalInspection.recorded': '確定検査の記録',
  'repayment.received': '返還の入金の記録',
};

/** 監査ログの対象: the Japanese name of each kind of record an audit record is about (`entityType`). */
export const AUDIT_ENTITY_TYPE_LABELS: Readonly<Record<string, string>> = {
  staffUser: 'ユーザー',
  program: '事業',
  ruleSet: '予算・版',
  category: '類型',
  round: '公募回',
  application: '申請',
  applicationAssignment: '審査員の割当',
  reviewScore: '採点票',
  reviewRubric: '審査基準',
  conflictOfInterest: '利益相反',
  adoptionDecision: '採択の決定',
  notification: '通知',
  notificationTemplate: 'テンプレート',
  intakeChannel: '受付窓口',
  applicationImport: '一括取込',
  applicationExport: '申請データの出力',
  applicationMemo: '申請メモ',
  inquiry: '問い合わせ',
  bankAccount: '受取人の口座',
  paymentBatch: '支払バッチ',
  attachment: '添付ファイル',
};

/** Prefix of the audit action of an application's state change: `application.<transition name>`. */
export const APPLICATION_TRANSITION_ACTION_PREFIX = 'application.';

/**
 * The Japanese name of an audit action: a state change by its transition's label (looked up in
 * `transitionLabel`, from the workflow definitions), any other action from AUDIT_ACTION_LABELS;
 * undefined when neither knows it.
 */
export function auditActionLabel(action: string, transitionLabel: (name: string) => string | undefined = () => undefined): string | undefined {
  if (action.startsWith(APPLICATION_TRANSITION_ACTION_PREFIX)) {
    const label = transitionLabel(action.slice(APPLICATION_TRANSITION_ACTION_PREFIX.length));
    if (label) return label;
  }
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : undefined;
}
