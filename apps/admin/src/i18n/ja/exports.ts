/** 申請のエクスポート: the 申請 list's button (app.exports.*) and the エクスポート page (resources['application-exports']). */
export const exportMessages = {
  button: 'エクスポート',
  csv: 'CSV（Excelで開けます）',
  xlsx: 'Excel（.xlsx）',
  saved: '%{fileName} を保存しました',
  queued: '件数が多いため、ファイルを作成しています（%{total}件）。「エクスポート」の画面から、できあがったらダウンロードできます。',
  open_list: 'エクスポートの一覧',
  download: 'ダウンロード',
  delivered_directly: 'その場で保存済み',
  statuses: { queued: '待機中', running: '作成中', done: '完了', failed: '失敗', expired: '期限切れ' },
  formats: { csv: 'CSV', xlsx: 'Excel' },
  deliveries: { direct: 'その場で', job: 'ワーカーで作成' },
  rows: '%{n}件',
};

export const exportResourceMessages = {
  'application-exports': {
    name: 'エクスポート',
    fields: {
      fileName: 'ファイル名',
      format: '形式',
      delivery: '作成方法',
      status: '状態',
      progress: '進捗',
      totalRows: '件数',
      filter: '条件',
      message: 'メッセージ',
      createdAt: '依頼日時',
      finishedAt: '完了日時',
      content: 'ファイル',
    },
  },
};
