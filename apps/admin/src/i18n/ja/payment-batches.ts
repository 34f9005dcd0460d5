/** 支払バッチ (docs/payments.md "Payment batches"): resources['payment-batches'] and app.payment_batches.*. */
export const paymentBatchMessages = {
  statuses: { open: '未確定', paid: '支払済', cancelled: '取消' },
  download: '全銀ファイルをダウンロード',
  downloaded: '%{fileName} を保存しました',
  paid_file_title: '支払済のバッチの全銀ファイル',
  paid_file_text:
    'このバッチは振込を確定済みです。このファイルを銀行へ再度送信すると、全件がもう一度振り込まれます（二重振込）。控えとして保存する場合のみダウンロードしてください。',
  paid_file_download: '控えとしてダウンロード',
  confirm: '振込を確定',
  confirm_title: '振込の確定',
  confirm_text:
    '銀行が振り込んだ日（振込指定日以降の銀行営業日）を入力してください。このバッチの全申請が「支払済」（補助金）・「振込完了」（給付金）になり、申請者に通知されます。取り消せません。',
  paid_on: '振込日',
  confirmed: '振込を確定しました',
  cancel: 'バッチを取り消す',
  cancel_title: '支払バッチの取消',
  cancel_text: 'このバッチを取り消します。含まれる申請は別のバッチに入れられるようになります。',
  cancelled: '支払バッチを取り消しました',
  lines: '振込の明細',
  excluded: '対象外の申請',
  excluded_none: '対象外の申請はありません',
  requester: '振込依頼人',
  create_help:
    '公募回の「額確定」（補助金、確定額）と「給付決定」（給付金、給付額）の申請のうち、口座登録済みで他の未確定バッチにないものを集めます。口座のない申請は対象外として理由とともに記録されます。',
};

export const paymentBatchResourceMessages = {
  'payment-batches': {
    name: '支払バッチ',
    fields: {
      roundId: '公募回',
      roundName: '公募回',
      status: '状態',
      transferDate: '振込指定日',
      totalCount: '件数',
      totalAmount: '合計金額',
      createdAt: '作成日時',
      createdByName: '作成者',
      paidOn: '振込日',
      receiptNumber: '受付番号',
      applicantName: '事業者名',
      amount: '支払額',
      bankCode: '金融機関',
      branchCode: '支店',
      accountNumber: '口座番号',
      accountHolderKana: '口座名義',
      reason: '理由',
    },
  },
};
