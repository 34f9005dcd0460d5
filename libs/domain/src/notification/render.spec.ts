import { DEFAULT_TEMPLATES, TEMPLATE_INFO } from './default-templates';
import { AUDIENCE_VARIABLES, renderTemplate, unknownVariables } from './render';

describe('renderTemplate', () => {
  const vars = {
    applicantName: '株式会社さくら精機',
    receiptNumber: 'RES05-00000012',
    roundName: '第5回公募',
    categoryName: '通常枠',
    quotedAmount: 1234567,
    reason: '収支計画の表が欠落しています <重要>',
    correctionDueAt: '2022-04-04T08:59:59Z',
  };

  it('fills variables, formats yen and JST with weekday', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.returned, vars);
    expect(m.subject).toBe('【補助金事務局】申請内容の修正をお願いします（差戻し）（受付番号 RES05-00000012）');
    expect(m.text).toContain('株式会社さくら精機 様');
    expect(m.text).toContain('補正期限: 2022年4月4日(月) 17:59:59');
    expect(renderTemplate(DEFAULT_TEMPLATES.received, vars).text).toContain('補助金額（見込み）: 1,234,567円');
  });

  it('escapes HTML in the HTML part only', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.returned, vars);
    expect(m.text).toContain('<重要>');
    expect(m.html).toContain('&lt;重要&gt;');
    expect(m.html).toContain('<br>');
  });

  it('shows （なし） for a missing value', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.rejected, { ...vars, reason: null }).text).toContain('（なし）');
  });

  it('finds placeholders that are not variables', () => {
    expect(unknownVariables({ subject: '{{receiptNumber}}', bodyText: '{{applicantNmae}} {{ reason }}' })).toEqual(['applicantNmae']);
    for (const template of Object.values(DEFAULT_TEMPLATES)) expect(unknownVariables(template)).toEqual([]);
  });

  it('allows each template only the variables of its audience', () => {
    expect(Object.keys(TEMPLATE_INFO).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES).sort());
    for (const [code, template] of Object.entries(DEFAULT_TEMPLATES))
      expect([code, unknownVariables(template, AUDIENCE_VARIABLES[TEMPLATE_INFO[code].audience])]).toEqual([code, []]);
    expect(unknownVariables({ subject: '{{receiptNumber}}', bodyText: '{{digestSummary}}' }, AUDIENCE_VARIABLES.applicant)).toEqual(['digestSummary']);
  });

  it('shows a reviewer’s due date in JST', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.reviewReminder, {
      recipientName: '審査 花子',
      receiptNumber: 'RES05-00000012',
      reviewDueAt: '2022-04-04T08:59:59Z',
    });
    expect(m.text).toContain('審査 花子 様');
    expect(m.text).toContain('審査期限: 2022年4月4日(月) 17:59:59');
  });

  it('reminds an applicant of the 補正期限 in JST with the items to fix', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.correctionReminder, vars);
    expect(m.subject).toBe('【補助金事務局】補正期限のお知らせ（受付番号 RES05-00000012）');
    expect(m.text).toContain('株式会社さくら精機 様');
    expect(m.text).toContain('修正を求める事項:\n収支計画の表が欠落しています <重要>');
    expect(m.text).toContain('補正期限: 2022年4月4日(月) 17:59:59');
  });
});
