/** `app.correspondence.*`: the application's メモ and 問い合わせ tabs (apps/admin/src/correspondence). */
export const correspondenceMessages = {
  tabs: { memos: 'メモ', inquiries: '問い合わせ' },
  memos: {
    internal: '職員だけが読む内部メモです。申請者には送られません。追加したメモは変更・削除できず、監査ログに記録されます。',
    none: 'メモはまだありません',
    body: 'メモ',
    body_help: '4000文字まで',
    body_required: 'メモを入力してください',
    add: 'メモを追加',
    added: 'メモを追加しました',
  },
  inquiries: {
    none: '問い合わせの記録はまだありません',
    occurred_at: '日時',
    channel: '手段',
    direction: '受発信',
    summary: '要旨',
    staff: '対応者',
    channels: { phone: '電話', email: 'メール', counter: '窓口' },
    directions: { inbound: '受信', outbound: '発信' },
    record: '問い合わせを記録',
    add: '記録する',
    added: '問い合わせを記録しました',
    occurred_at_required: '日時を入力してください',
    summary_required: '要旨を入力してください',
  },
};
