import { DEFAULT_TEMPLATES, templateCodeFor, type WorkflowKind } from '@jimukyoku/domain';
import { notificationTemplates, WORKFLOWS, type WorkflowDefinition } from '@jimukyoku/workflow';

/**
 * Every mail a workflow definition sends, read as its applicant gets it: the template its notify(...) name
 * resolves to for the definition's kind (templateCodeFor), plus the scheduler's 補正期限 reminder. Its
 * wording must fit the programme and the state the transition reaches (README "Templates").
 */
const sent = (d: WorkflowDefinition) =>
  [...notificationTemplates(d), 'correctionReminder'].map((name) => {
    const code = templateCodeFor(name, d.code as WorkflowKind);
    const t = DEFAULT_TEMPLATES[code];
    return { name, code, text: t ? `${t.subject}\n${t.bodyText}` : undefined };
  });

const definitions = Object.values(WORKFLOWS);

describe('the wording of each workflow’s mails', () => {
  it.each(definitions.map((d) => [`${d.code}@${d.version}`, d] as const))('%s: every mail it sends has a text', (_key, d) => {
    for (const m of sent(d)) expect([m.name, m.code, typeof m.text]).toEqual([m.name, m.code, 'string']);
  });

  it.each(definitions.filter((d) => d.code === 'benefit').map((d) => [`${d.code}@${d.version}`, d] as const))(
    '%s (給付金) never speaks of 補助金, 交付 or 採択',
    (_key, d) => {
      for (const m of sent(d)) expect([m.code, m.text]).toEqual([m.code, expect.not.stringMatching(/補助金|交付|採択/)]);
    },
  );

  it.each(definitions.filter((d) => d.code === 'itSubsidy').map((d) => [`${d.code}@${d.version}`, d] as const))(
    '%s (IT導入補助金, no 採択 step) never speaks of 採択',
    (_key, d) => {
      for (const m of sent(d)) expect([m.code, m.text]).toEqual([m.code, expect.not.stringMatching(/採択/)]);
    },
  );

  it.each(definitions.map((d) => [`${d.code}@${d.version}`, d] as const))(
    '%s: a mail sent on reaching a final state asks for no resubmission or correction',
    (_key, d) => {
      const terminal = new Set(d.states.filter((s) => s.kind === 'terminal').map((s) => s.code));
      const ending = d.transitions
        .filter((t) => terminal.has(t.to))
        .flatMap((t) => (t.effects ?? []).flatMap((e) => (e.type === 'notifyApplicant' ? [e.template] : [])));
      for (const name of new Set(ending)) {
        const code = templateCodeFor(name, d.code as WorkflowKind);
        expect([code, DEFAULT_TEMPLATES[code].bodyText]).toEqual([code, expect.not.stringMatching(/再提出|修正のうえ|補正期限/)]);
      }
    },
  );
});
