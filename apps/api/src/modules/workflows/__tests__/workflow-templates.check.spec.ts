import { Test } from '@nestjs/testing';
import { BENEFIT_V1, IT_SUBSIDY_V1, registerWorkflow, SUBSIDY_V1, type GuardName, type TransitionDefinition } from '@jimukyoku/workflow';
import { assertNotificationTemplatesKnown, TEMPLATE_CATALOGUE, unknownNotificationTemplates } from '../workflow-templates.check';
import { WorkflowDefinitionsCheckModule } from '../workflows.module';

/** A copy of the 補助金 definition whose 差戻し notifies with a template the catalogue lacks. */
const withUnknownTemplate = (version: number) => ({
  ...SUBSIDY_V1,
  version,
  transitions: SUBSIDY_V1.transitions.map((t): TransitionDefinition<GuardName> =>
    t.name === 'returnForCorrection'
      ? { ...t, effects: [...(t.effects ?? []).filter((e) => e.type !== 'notifyApplicant'), { type: 'notifyApplicant', template: 'returnedTwice' }] }
      : t,
  ),
});

describe('notification templates named by the workflow definitions', () => {
  it.each([SUBSIDY_V1, BENEFIT_V1, IT_SUBSIDY_V1])('$code@$version names only templates of the catalogue', (definition) => {
    expect(unknownNotificationTemplates([definition], TEMPLATE_CATALOGUE)).toEqual([]);
  });

  it('the catalogue is the built-in texts that have a label and audience', () => {
    expect(Object.keys(TEMPLATE_CATALOGUE)).toEqual(
      expect.arrayContaining(['received', 'returned', 'resubmissionReceived', 'deficient', 'correctionReminder']),
    );
  });

  it('names each unknown template with its definition', () => {
    expect(unknownNotificationTemplates([withUnknownTemplate(90)], TEMPLATE_CATALOGUE)).toEqual([{ workflow: 'subsidy@90', template: 'returnedTwice' }]);
    expect(unknownNotificationTemplates([SUBSIDY_V1], { received: {} })).toEqual(expect.arrayContaining([{ workflow: 'subsidy@1', template: 'returned' }]));
  });

  it('refuses with a message that says what to fix', () => {
    expect(() => assertNotificationTemplatesKnown([withUnknownTemplate(91)])).toThrow(/subsidy@91: notify\('returnedTwice'\).*default-templates\.ts/);
    expect(() => assertNotificationTemplatesKnown()).not.toThrow();
  });

  it('stops the module from initialising (API and worker boot) when a registered definition names an unknown template', async () => {
    const ok = await Test.createTestingModule({ imports: [WorkflowDefinitionsCheckModule] }).compile();
    await expect(ok.init()).resolves.toBeDefined();
    await ok.close();

    const unregister = registerWorkflow(withUnknownTemplate(92));
    try {
      const bad = await Test.createTestingModule({ imports: [WorkflowDefinitionsCheckModule] }).compile();
      await expect(bad.init()).rejects.toThrow("subsidy@92: notify('returnedTwice')");
    } finally {
      unregister();
    }
  });
});
