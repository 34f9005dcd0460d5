/** 申請状況ページのリンク (README "Status page"): the manager's revocation on an application's page. */
export const statusLinkMessages = {
  revoke: '申請状況リンクを無効化',
  title: '申請状況ページのリンクを無効にする',
  body: 'この申請について申請者にお送りした申請状況ページのリンクを、すべて使えなくします（例: 別の宛先にメールが届いたとき）。無効にしたリンクを開くと「ページが見つかりません」と表示されます。次に申請者へ送るメールには新しいリンクが記載されます。この操作は監査ログに記録されます。',
  confirm: '無効にする',
  done: '申請状況ページのリンクを無効にしました（%{smart_count}件）。次のメールから新しいリンクが記載されます。',
};
