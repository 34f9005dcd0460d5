import type { Page } from 'playwright-core';
import { DEMO_EMAIL, DEMO_PASSWORD, type LoggedIn, login, seedReferenceCatalogue } from '@jimukyoku/api/testing';
import { goToRoute, menuLabels, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/**
 * The rules screens on the briefing's reference catalogue: rounds with deadlines in JST to the
 * second, categories rendered from their configuration, and a deadline moved through the edit form
 * as a JST wall clock (the browser runs in UTC).
 */
describe('admin in the browser: programmes, rule sets, categories and rounds', () => {
  let e: AdminE2e;
  let manager: Page;
  let api: LoggedIn;

  const find = async (resource: string, q: string, pick: (r: Record<string, unknown>) => boolean = () => true) => {
    const res = await e.t
      .http()
      .get(`/api/${resource}`)
      .query({ filter: JSON.stringify({ q }), range: '[0,99]' })
      .set('Authorization', `Bearer ${api.token}`)
      .expect(200);
    const row = (res.body as Record<string, unknown>[]).find(pick);
    if (!row) throw new Error(`no ${resource} matching ${q}`);
    return row;
  };

  beforeAll(async () => {
    e = await startAdminE2e('admin_rules');
    await seedReferenceCatalogue(e.t);
    api = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  });
  afterAll(() => e?.close());

  it('lists rounds with 公募開始 / 応募締切 in JST to the second and a status chip', async () => {
    expect(await menuLabels(manager)).toEqual(expect.arrayContaining(['公募回', '事業', '予算・版', '類型']));
    await manager.getByRole('menuitem', { name: '公募回' }).click();
    await manager.waitForURL(/#\/rounds/);
    const row5 = manager.locator('tr', { hasText: '第5回公募' }).filter({ hasText: '事業再構築補助金' });
    await row5.getByText('令和2年度第3次補正').waitFor(); // the rule set, a reference loaded after the row
    const text = await row5.innerText();
    expect(text).toContain('2022年1月20日(木) 00:00:00');
    expect(text).toContain('2022年3月24日(木) 18:00:00');
    expect(await row5.getByTestId('round-status').innerText()).toBe('締切済');
    await screenshot(manager, 'rounds-list');
  });

  it('shows programmes with their kind, and rule sets with a lock chip', async () => {
    await manager.getByRole('menuitem', { name: '事業', exact: true }).click();
    await manager.waitForURL(/#\/programs/);
    const restructuring = manager.locator('tr', { hasText: '事業再構築補助金' }).filter({ hasText: 'restructuring' });
    await restructuring.waitFor();
    expect(await restructuring.innerText()).toContain('補助金');
    await restructuring.click();
    await manager.waitForURL(/#\/programs\/[^/]+\/show$/);
    await manager.locator('tr', { hasText: '令和3年度補正' }).first().waitFor();
    await manager.locator('tr', { hasText: '第6回公募' }).waitFor();
    await screenshot(manager, 'program-show');

    await manager.getByRole('menuitem', { name: '予算・版' }).click();
    await manager.waitForURL(/#\/rule-sets/);
    const r3 = manager.locator('tr', { hasText: 'restructuring.r3-sup' });
    await r3.waitFor();
    expect(await r3.innerText()).toMatch(/令和3年度補正[\s\S]*第1版[\s\S]*編集可/);
    await screenshot(manager, 'rule-sets-list');
  });

  it('renders a category’s configuration: caps by bracket, rates, floor, expense types and requirements', async () => {
    const ruleSet = await find('rule-sets', 'restructuring.r3-sup');
    const category = await find('categories', 'restructuring.standard', (c) => c.ruleSetId === ruleSet.id);
    await goToRoute(manager, e.adminUrl, `/categories/${category.id}/show`);
    const config = manager.getByTestId('category-config');
    await config.waitFor();
    const brackets = await manager.getByTestId('cap-brackets').innerText();
    expect(brackets).toMatch(/従業員20人以下\s+2,000万円/);
    expect(brackets).toMatch(/従業員101人以上\s+8,000万円/);
    expect(await manager.getByTestId('rate-rules').first().innerText()).toContain('2/3');
    expect(await manager.getByTestId('config-floor').innerText()).toContain('100万円');
    expect(await manager.getByTestId('config-requirements').innerText()).toContain('認定経営革新等支援機関');
    await screenshot(manager, 'category-show');

    const assumed = await find('categories', 'restructuring.largeWageIncrease', (c) => c.ruleSetId === ruleSet.id);
    await goToRoute(manager, e.adminUrl, `/categories/${assumed.id}/show`);
    const note = manager.getByTestId('assumption').first();
    await note.waitFor();
    expect(await note.innerText()).toMatch(/^仮定: ブリーフィングは上限1億円と「大規模賃金引上げ枠は維持」/);

    // a 類型 the briefing says is still being designed carries its caveat (docs/programs.md)
    const designing = await find('categories', 'itIntroduction.digitalBase');
    await goToRoute(manager, e.adminUrl, `/categories/${designing.id}/show`);
    const caveat = manager.getByTestId('caveat');
    await caveat.waitFor();
    expect(await caveat.innerText()).toMatch(/^制度設計中（今後変更の可能性あり）: ITツールの補助上限額は導入する機能数に応じて/);
    // and the green 枠's cap reads 1億5,000万円, not 15,000万円
    const green = await find('categories', 'restructuring.greenGrowth', (c) => c.ruleSetId === ruleSet.id);
    await goToRoute(manager, e.adminUrl, `/categories/${green.id}/show`);
    await manager.getByTestId('category-config').getByText('1億5,000万円').first().waitFor();
  });

  it('moves a deadline typed as a JST wall clock and sets a budget, shown as 1,234,567円', async () => {
    const round = await find('rounds', 'restructuring.round6');
    await goToRoute(manager, e.adminUrl, `/rounds/${round.id}/show`);
    await manager.getByTestId('round-categories').waitFor();
    await manager.getByRole('link', { name: '編集' }).click();
    await manager.waitForURL(/#\/rounds\/[^/]+$/);

    const closesAt = manager.locator('input[name="closesAt"]');
    expect(await closesAt.inputValue()).toMatch(/^2022-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);
    await closesAt.fill('2022-07-01T17:59:59');
    await manager.locator('input[name="categories.0.budget"]').fill('1234567');
    await screenshot(manager, 'round-edit');
    await manager.getByRole('button', { name: '保存' }).click();

    await manager.waitForURL(/#\/rounds\/[^/]+\/show$/);
    await manager.getByText('2022年7月1日(金) 17:59:59').waitFor();
    await manager.getByTestId('round-categories').getByText('1,234,567円').waitFor();
    await screenshot(manager, 'round-show');

    const saved = (await e.t.http().get(`/api/rounds/${round.id}`).set('Authorization', `Bearer ${api.token}`).expect(200)).body;
    expect(saved.closesAt).toBe('2022-07-01T08:59:59.000Z');
    expect(saved.categories[0].budget).toBe(1234567);
  });

  it("shows the API's refusal on the form when the deadline is before the opening", async () => {
    const round = await find('rounds', 'restructuring.round6');
    await goToRoute(manager, e.adminUrl, `/rounds/${round.id}`);
    await manager.locator('input[name="closesAt"]').fill('2020-01-01T00:00:00');
    await manager.getByRole('button', { name: '保存' }).click();
    const message = manager.getByText(/応募締切 \(2020年1月1日\(水\) 00:00:00\) は公募開始/);
    await message.first().waitFor();
    expect(manager.url()).toMatch(/#\/rounds\/[^/]+$/);
  });

  it('creates a round on a rule set of the chosen programme, its schedule typed in JST', async () => {
    await goToRoute(manager, e.adminUrl, '/rounds/create');
    await manager.getByRole('combobox', { name: '事業' }).click();
    await manager.getByRole('option', { name: '事業再構築補助金' }).click();
    await manager.getByRole('combobox', { name: '予算・版' }).click();
    // only the rule sets of 事業再構築補助金 are offered: 令和2年度第3次補正 in two versions (第5回 changed a rule), 令和3年度補正
    expect(await manager.getByRole('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['令和2年度第3次補正', '令和2年度第3次補正 (第2版)', '令和3年度補正']),
    );
    expect(await manager.getByRole('option').count()).toBe(3);
    await manager.getByRole('option', { name: '令和3年度補正' }).click();
    await manager.locator('input[name="number"]').fill('7');
    await manager.locator('input[name="opensAt"]').fill('2022-07-01T00:00:00');
    await manager.locator('input[name="closesAt"]').fill('2022-09-30T18:00:00');
    await manager.getByRole('button', { name: '保存' }).click();

    await manager.waitForURL(/#\/rounds\/[^/]+\/show$/);
    await manager.getByText('第7回公募').first().waitFor();
    await manager.getByText('2022年9月30日(金) 18:00:00').waitFor();
    const created = await find('rounds', 'restructuring.round7');
    expect(created).toMatchObject({ opensAt: '2022-06-30T15:00:00.000Z', closesAt: '2022-09-30T09:00:00.000Z' });
    expect((created.categories as unknown[]).length).toBe(5); // every category of 令和3年度補正
  });
});
