import { DEFAULT_TEMPLATES, reasonForTemplate, renderNotificationText, TEMPLATE_INFO, templateCodeFor, templateVariants } from './default-templates';
import { AUDIENCE_VARIABLES, malformedPlaceholders, missingEssentials, renderTemplate, unknownVariables } from './render';

describe('renderTemplate', () => {
  const vars = {
    applicantName: '株式会社さくら精機',
    receiptNumber: 'RES05-00000012',
    programName: '事業再構築補助金',
    roundName: '第5回公募',
    categoryName: '通常枠',
    quotedAmount: 1234567,
    reason: '収支計画の表が欠落しています <重要>',
    correctionDueAt: '2022-04-04T08:59:59Z',
    secretariatName: '事業再構築補助金事務局 コールセンター',
    secretariatPhone: '0570-012-088',
    secretariatEmail: 'soudan@jigyou-saikouchiku.example.jp',
    secretariatHours: '9:00〜18:00（日祝日を除く）',
  };

  it('fills variables, formats yen and JST with weekday', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.returned, vars);
    expect(m.subject).toBe('【事業再構築補助金】申請内容の修正をお願いします（差戻し）（受付番号 RES05-00000012）');
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

  it('shows （なし） for a missing value of a bare template', () => {
    expect(renderTemplate({ subject: 's', bodyText: '{{quotedAmount}}' }, { ...vars, quotedAmount: null }).text).toBe('（なし）');
  });

  it('leaves a placeholder named like an object member as it is, in both parts', () => {
    const out = renderTemplate({ subject: '{{toString}}', bodyText: 'a {{constructor}} b' }, vars);
    expect([out.subject, out.text]).toEqual(['{{toString}}', 'a {{constructor}} b']);
    expect(out.html).toContain('>a {{constructor}} b</body>');
  });

  it('finds placeholders that are not variables', () => {
    expect(unknownVariables({ subject: '{{receiptNumber}}', bodyText: '{{applicantNmae}} {{ reason }}' })).toEqual(['applicantNmae']);
    for (const template of Object.values(DEFAULT_TEMPLATES)) expect(unknownVariables(template)).toEqual([]);
  });

  it('finds placeholders written so that nothing fills them (sent as typed), and none in the default templates', () => {
    expect(malformedPlaceholders('{{applicantName 様\n本文')).toEqual(['{{applicantName 様']);
    expect(malformedPlaceholders('{{applicant.name}} と {{申請者名}} と {{ receiptNumber }}')).toEqual(['{{applicant.name}}', '{{申請者名}}']);
    expect(malformedPlaceholders('{{receiptNumber {{reason}}')).toEqual(['{{receiptNumber ']);
    expect(malformedPlaceholders('受付番号 receiptNumber}} です')).toEqual(['受付番号 receiptNumber}}']);
    expect(malformedPlaceholders('{applicantName} 様、{その他} は本文')).toEqual(['{applicantName}']);
    expect(malformedPlaceholders('{{applicantName}} 様 {{reason}}')).toEqual([]);
    for (const template of Object.values(DEFAULT_TEMPLATES)) expect(malformedPlaceholders(`${template.subject}\n${template.bodyText}`)).toEqual([]);
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

  it('tells a reviewer past the due date (催促) that it has passed, not that it is near, with the due date in JST', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.reviewOverdue, {
      recipientName: '審査 花子',
      receiptNumber: 'RES05-00000012',
      reviewDueAt: '2022-04-04T08:59:59Z',
    });
    expect(m.subject).toBe('【補助金事務局】審査期限を過ぎています（受付番号 RES05-00000012）');
    expect(m.text).toContain('審査 花子 様');
    expect(m.text).toContain('審査期限を過ぎています');
    expect(m.text).toContain('至急、審査結果を提出してください');
    expect(m.text).toContain('事務局までご連絡ください');
    expect(m.text).toContain('審査期限: 2022年4月4日(月) 17:59:59');
    expect(`${m.subject}\n${m.text}`).not.toContain('近づいています');
    expect(TEMPLATE_INFO.reviewOverdue.audience).toBe('reviewer');
  });

  it('reminds an applicant of the 補正期限 in JST with the items to fix', () => {
    const m = renderTemplate(DEFAULT_TEMPLATES.correctionReminder, vars);
    expect(m.subject).toBe('【事業再構築補助金】補正期限のお知らせ（受付番号 RES05-00000012）');
    expect(m.text).toContain('株式会社さくら精機 様');
    expect(m.text).toContain('修正を求める事項:\n収支計画の表が欠落しています <重要>');
    expect(m.text).toContain('補正期限: 2022年4月4日(月) 17:59:59');
  });
});

describe('the template a notification is rendered from (templateCodeFor)', () => {
  it.each([
    ['a benefit gets its 給付金 variant', 'received', 'benefit', 'benefit.received'],
    ['IT導入 gets its 交付申請 variant', 'received', 'itSubsidy', 'itSubsidy.received'],
    ['a subsidy keeps the plain text', 'received', 'subsidy', 'received'],
    ['a kind without a variant falls back to the plain text', 'adopted', 'benefit', 'adopted'],
    ['a name only one kind uses is its own text', 'deficient', 'benefit', 'deficient'],
    ['without an application (no kind) the plain text', 'received', null, 'received'],
    ['a variant code is not resolved again', 'benefit.received', 'itSubsidy', 'benefit.received'],
    ['an unknown name stays as it is (the dispatcher fails it)', 'nope', 'benefit', 'nope'],
  ] as const)('%s', (_rule, name, kind, code) => {
    expect(templateCodeFor(name, kind)).toBe(code);
  });

  it('names every variant `<workflowKind>.<name>` of a template that exists, and lists it with its name', () => {
    for (const [code, info] of Object.entries(TEMPLATE_INFO)) {
      if (!info.workflowKind || !code.includes('.')) continue;
      const [kind, name] = code.split('.');
      expect([code, kind]).toEqual([code, info.workflowKind]);
      expect([code, name in DEFAULT_TEMPLATES]).toEqual([code, true]);
      expect(templateVariants(name)).toContainEqual({ workflowKind: kind, code });
    }
    expect(
      templateVariants('received')
        .map((v) => v.code)
        .sort(),
    ).toEqual(['benefit.received', 'itSubsidy.received']);
  });
});

describe('what every applicant mail says', () => {
  const applicantTemplates = Object.entries(DEFAULT_TEMPLATES).filter(([code]) => TEMPLATE_INFO[code].audience === 'applicant');
  const vars = {
    applicantName: '株式会社さくら精機',
    receiptNumber: 'RES05-00000012',
    programName: '事業再構築補助金',
    roundName: '第5回公募',
    categoryName: '通常枠',
    quotedAmount: 1234567,
    correctionDueAt: '2022-04-04T08:59:59Z',
    reportDueDate: '2027年12月3日(金)',
    repaymentDueDate: '2027年1月15日(金)',
    paidOn: '2026年12月4日(金)',
    secretariatName: '事業再構築補助金事務局 コールセンター',
    secretariatPhone: '0570-012-088',
    secretariatEmail: 'soudan@jigyou-saikouchiku.example.jp',
    secretariatHours: '9:00〜18:00（日祝日を除く）',
    statusUrl: 'https://status.example.jp/status/abc.def.ghi',
  };

  it.each(applicantTemplates)('%s carries the programme, its round, the status link and the secretariat’s contact', (code, template) => {
    const m = renderNotificationText(code, template, vars);
    expect(m.text).toContain('――――――――――\n申請状況の確認: https://status.example.jp/status/abc.def.ghi\n事業再構築補助金事務局 コールセンター');
    expect(m.html).toContain('申請状況の確認: <a href="https://status.example.jp/status/abc.def.ghi">https://status.example.jp/status/abc.def.ghi</a>');
    expect(m.subject).toContain('【事業再構築補助金】');
    expect(m.text).toContain('事業再構築補助金');
    expect(m.text).toContain('第5回公募');
    expect(m.text).toContain(
      '事業再構築補助金事務局 コールセンター\n電話: 0570-012-088（受付時間: 9:00〜18:00（日祝日を除く））\nメール: soudan@jigyou-saikouchiku.example.jp',
    );
    expect(m.text).not.toContain('（なし）');
  });

  it.each(applicantTemplates.filter(([code]) => TEMPLATE_INFO[code].workflowKind === 'benefit'))(
    '%s (給付金) speaks of 給付, never of 補助金 or 交付',
    (code, template) => {
      const text = `${template.subject}\n${template.bodyText}`;
      expect(text).not.toMatch(/補助金|交付|採択/);
    },
  );

  it.each([
    ['不採択 without a written reason: the standard sentence about the 審査', 'rejected', null, '書面審査で、審査項目ごとの評価を総合した結果'],
    ['不採択 with the decision’s reason: that reason', 'rejected', '加点項目の証憑が確認できませんでした。', '理由:\n加点項目の証憑が確認できませんでした。'],
    ['a blank reason is no reason', 'rejected', '  ', '採択の水準に達しませんでした'],
    ['不給付 without a reason', 'benefit.notGranted', null, '給付の要件を満たしていることが確認できませんでした'],
    ['不交付 without a reason', 'notGranted', null, '交付の要件を満たしていることが確認できませんでした'],
  ] as const)('%s', (_rule, code, reason, expected) => {
    const m = renderNotificationText(code, DEFAULT_TEMPLATES[code], { ...vars, reason });
    expect(m.text).toContain(expected);
    expect(m.text).not.toContain('（なし）');
  });

  it('every template that prints a reason has a standard sentence for none', () => {
    for (const [code, template] of applicantTemplates)
      if (template.bodyText.includes('{{reason}}')) expect([code, reasonForTemplate(code, null)]).toEqual([code, expect.any(String)]);
  });

  it.each(['fixedAmountNotice', 'itSubsidy.amountFixed'])('%s states the 確定額', (code) => {
    expect(renderNotificationText(code, DEFAULT_TEMPLATES[code]!, { ...vars, quotedAmount: 75_000 }).text).toContain('確定額: 75,000円');
  });

  // what a payment batch transferred and when, so the applicant can match the deposit (docs/payments.md)
  it.each(['paidByBatch', 'advancePaid', 'itSubsidy.paid'])('%s states the 支払額 and the 振込日', (code) => {
    const text = renderNotificationText(code, DEFAULT_TEMPLATES[code]!, { ...vars, quotedAmount: 75_000 }).text;
    expect(text).toContain('支払額: 75,000円');
    expect(text).toContain('振込日: 2026年12月4日(金)');
  });

  it('要件不適合 states the requirements not met and does not ask to resubmit', () => {
    const m = renderNotificationText('ineligible', DEFAULT_TEMPLATES.ineligible, { ...vars, reason: '1. 認定経営革新等支援機関の確認書' });
    expect(m.text).toContain('満たしていない要件:\n1. 認定経営革新等支援機関の確認書');
    expect(m.text).not.toMatch(/再提出|修正のうえ|補正期限/);
  });

  it.each(['rejected', 'ineligible', 'notGranted', 'benefit.notGranted', 'itSubsidy.notGranted', 'withdrawn', 'benefit.withdrawn'])(
    '%s (an end) asks nothing more of the applicant',
    (code) => {
      expect(DEFAULT_TEMPLATES[code].bodyText).not.toMatch(/再提出|修正のうえ|補正期限|手続きをお願いします/);
    },
  );
});

describe('the status link in the HTML part', () => {
  const template = { subject: 's', bodyText: '申請状況の確認: {{statusUrl}}' };
  it('is a link only when it is an http(s) URL; anything else is escaped text', () => {
    expect(renderTemplate(template, { statusUrl: 'javascript:alert(1)' }).html).toContain('申請状況の確認: javascript:alert(1)');
    expect(renderTemplate(template, { statusUrl: 'https://x.example/status/"><b>' }).html).toContain('https://x.example/status/&quot;&gt;&lt;b&gt;');
    expect(renderTemplate(template, { statusUrl: 'https://x.example/status/a.b.c' }).html).toContain('<a href="https://x.example/status/a.b.c">');
  });
  it('is a variable of applicant templates only', () => {
    expect(unknownVariables(template, AUDIENCE_VARIABLES.applicant)).toEqual([]);
    expect(unknownVariables(template, AUDIENCE_VARIABLES.reviewer)).toEqual(['statusUrl']);
  });
});

describe('missingEssentials', () => {
  it('names what an applicant’s template leaves out: the 受付番号, the status link, a phone number or an address', () => {
    expect(missingEssentials({ subject: '件名のみ', bodyText: '本文のみ' }, 'applicant')).toEqual([
      ['receiptNumber'],
      ['statusUrl'],
      ['secretariatPhone', 'secretariatEmail'],
    ]);
    expect(missingEssentials({ subject: '{{ receiptNumber }}', bodyText: '{{statusUrl}} {{secretariatEmail}}' }, 'applicant')).toEqual([]);
    expect(missingEssentials({ subject: 'x', bodyText: '{{digestSummary}}' }, 'manager')).toEqual([]);
  });

  it('finds every essential in every built-in applicant template', () => {
    for (const [code, info] of Object.entries(TEMPLATE_INFO)) {
      expect([code, missingEssentials(DEFAULT_TEMPLATES[code]!, info.audience)]).toEqual([code, []]);
    }
  });
});
