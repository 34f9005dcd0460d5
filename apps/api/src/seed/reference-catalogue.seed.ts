import { REFERENCE_CATALOGUE, validateCatalogue, type CategoryConfig, type ReferenceCatalogue } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';
import { Category } from '../modules/programs/category.entity';
import { Program } from '../modules/programs/program.entity';
import { RuleSet } from '../modules/programs/rule-set.entity';
import { RoundCategory } from '../modules/rounds/round-category.entity';
import { Round } from '../modules/rounds/round.entity';
import type { SeedStep } from './seed-step';

/** JSON with its keys sorted, so a config read back from jsonb compares equal to the catalogue's. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const sameCategories = (stored: readonly Category[], wanted: readonly CategoryConfig[]): boolean =>
  stored.length === wanted.length &&
  wanted.every((w) => {
    const c = stored.find((s) => s.code === w.code);
    return c !== undefined && c.name === w.name && c.kind === w.kind && canonical(c.config) === canonical(JSON.parse(JSON.stringify(w)));
  });

/**
 * Loads every programme, rule set, category and round of the briefing from libs/domain's
 * REFERENCE_CATALOGUE; a second run changes nothing. Rule sets are versioned, never rewritten:
 * - a catalogue rule set matches a stored version of its code with the same categories (config by
 *   config); one that matches none is added — at its catalogue version when that is free, otherwise as
 *   the next version (superseding the latest) — so a release that changes the reference rules
 *   (事業再構築 第5回's plan-share rule, 大規模賃金引上枠's 101人以上) reaches a database seeded before it;
 * - but only while every version of that code is the seed's own (no audit record of an administrator
 *   creating, versioning or editing it or its categories): what an administrator made is left alone
 *   and reported;
 * - a reference round follows its catalogue rule set only while nothing hangs on it (no application,
 *   rubric or adoption decision): its offered categories move to the new version's by code, with their
 *   budgets and quotas. A round with applications keeps the rules they were made under.
 */
export async function loadCatalogue(m: EntityManager, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE) {
  const problems = validateCatalogue(catalogue);
  if (problems.length > 0) throw new Error(`reference catalogue is invalid:\n${problems.map((p) => JSON.stringify(p)).join('\n')}`);
  const created = { programs: 0, ruleSets: 0, categories: 0, rounds: 0, roundsMoved: 0 };
  const keptByAdministrator: string[] = [];

  const programIds = new Map<string, string>();
  for (const p of catalogue.programs) {
    let row = await m.findOneBy(Program, { code: p.code });
    if (!row) {
      row = await m.save(m.create(Program, { code: p.code, name: p.name, kind: p.kind, workflowKind: p.workflowKind, assumption: p.assumption ?? null }));
      created.programs++;
    }
    programIds.set(p.code, row.id);
  }

  // catalogue rule set (code@version) → the stored rule set holding its rules
  const ruleSetIds = new Map<string, string>();
  const key = (code: string, version = 1) => `${code}@${version}`;
  const ordered = [...catalogue.ruleSets].sort((a, b) => (a.version ?? 1) - (b.version ?? 1));
  for (const rs of ordered) {
    const version = rs.version ?? 1;
    const stored = await m.find(RuleSet, { where: { code: rs.code }, order: { version: 'ASC' } });
    const categoriesOf = new Map<string, Category[]>();
    for (const row of stored) categoriesOf.set(row.id, await m.findBy(Category, { ruleSetId: row.id }));
    const matching = stored.filter((row) => sameCategories(categoriesOf.get(row.id)!, rs.categories));
    const match = matching.find((row) => row.version === version) ?? matching[0];
    if (match) {
      ruleSetIds.set(key(rs.code, version), match.id);
      continue;
    }
    if (stored.length > 0 && (await editedByAdministrator(m, stored, categoriesOf))) {
      // an administrator's versions are theirs: existing rounds keep what they have, a new round takes the latest
      keptByAdministrator.push(key(rs.code, version));
      ruleSetIds.set(key(rs.code, version), stored[stored.length - 1].id);
      continue;
    }
    const free = !stored.some((row) => row.version === version);
    const latest = stored[stored.length - 1];
    const previous = free ? (ruleSetIds.get(key(rs.code, version - 1)) ?? stored.filter((row) => row.version < version).pop()?.id ?? null) : latest.id;
    const row = await m.save(
      m.create(RuleSet, {
        programId: programIds.get(rs.programCode)!,
        code: rs.code,
        edition: rs.edition,
        label: rs.label,
        version: free ? version : latest.version + 1,
        supersedesId: version > 1 || !free ? previous : null,
        lockedAt: null,
        assumption: rs.assumption ?? null,
      }),
    );
    created.ruleSets++;
    for (const c of rs.categories) {
      await m.save(m.create(Category, { ruleSetId: row.id, code: c.code, name: c.name, kind: c.kind, config: c }));
      created.categories++;
    }
    ruleSetIds.set(key(rs.code, version), row.id);
  }

  for (const r of catalogue.rounds) {
    const ruleSetKey = key(r.ruleSetCode, r.ruleSetVersion);
    const ruleSetId = ruleSetIds.get(ruleSetKey)!;
    const existing = await m.findOneBy(Round, { code: r.code });
    if (existing) {
      if (existing.ruleSetId !== ruleSetId && !keptByAdministrator.includes(ruleSetKey) && (await roundIsFree(m, existing.id))) {
        await moveRound(m, existing, ruleSetId, r.categoryCodes);
        created.roundsMoved++;
      }
      continue;
    }
    const round = await m.save(
      m.create(Round, {
        code: r.code,
        programId: programIds.get(r.programCode)!,
        ruleSetId,
        number: r.number,
        name: r.name,
        opensAt: new Date(r.opensAt),
        closesAt: new Date(r.closesAt),
        announcementFrom: r.announcement ? new Date(r.announcement.from) : null,
        announcementTo: r.announcement ? new Date(r.announcement.to) : null,
        announcementLabel: r.announcement?.label ?? null,
        workflowVersion: 1,
        assumption: r.assumption ?? null,
      }),
    );
    const categories = await m.findBy(Category, { ruleSetId: round.ruleSetId });
    const offered = r.categoryCodes ? categories.filter((c) => r.categoryCodes!.includes(c.code)) : categories;
    if (offered.length)
      await m.insert(
        RoundCategory,
        offered.map((c) => ({ roundId: round.id, categoryId: c.id, budget: null, adoptionQuota: null })),
      );
    created.rounds++;
  }
  return { ...created, keptByAdministrator };
}

/** Whether an administrator created, versioned or edited any version of a rule set, or one of its categories (the audit log says so). */
async function editedByAdministrator(m: EntityManager, versions: readonly RuleSet[], categoriesOf: Map<string, Category[]>): Promise<boolean> {
  const ruleSetIds = versions.map((v) => v.id);
  const categoryIds = versions.flatMap((v) => categoriesOf.get(v.id)!.map((c) => c.id));
  const [row] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM audit_log WHERE (entity_type = 'ruleSet' AND entity_id = ANY($1::text[])) OR (entity_type = 'category' AND entity_id = ANY($2::text[]))) AS edited`,
    [ruleSetIds, categoryIds],
  );
  return row.edited === true;
}

/** Nothing hangs on the round's rule set yet: no application, rubric or adoption decision. */
async function roundIsFree(m: EntityManager, roundId: string): Promise<boolean> {
  const [row] = await m.query(
    `SELECT NOT EXISTS (SELECT 1 FROM application WHERE round_id = $1)
        AND NOT EXISTS (SELECT 1 FROM review_rubric WHERE round_id = $1)
        AND NOT EXISTS (SELECT 1 FROM adoption_decision WHERE round_id = $1) AS free`,
    [roundId],
  );
  return row.free === true;
}

/** Points a round at another version of its rule set; its offered categories follow by code, budgets and quotas kept. */
async function moveRound(m: EntityManager, round: Round, ruleSetId: string, categoryCodes: readonly string[] | undefined) {
  const before = await m.query(
    `SELECT c.code, rc.budget, rc.adoption_quota FROM round_category rc JOIN category c ON c.id = rc.category_id WHERE rc.round_id = $1`,
    [round.id],
  );
  const carried = new Map<string, { budget: string | null; adoption_quota: number | null }>(before.map((b: { code: string }) => [b.code, b]));
  const categories = await m.findBy(Category, { ruleSetId });
  const offered = categories.filter((c) => (categoryCodes ? categoryCodes.includes(c.code) : true));
  await m.delete(RoundCategory, { roundId: round.id });
  await m.update(Round, { id: round.id }, { ruleSetId });
  if (offered.length)
    await m.insert(
      RoundCategory,
      offered.map((c) => {
        const kept = carried.get(c.code);
        return { roundId: round.id, categoryId: c.id, budget: kept?.budget == null ? null : Number(kept.budget), adoptionQuota: kept?.adoption_quota ?? null };
      }),
    );
}

export const referenceCatalogueSeed: SeedStep = {
  name: 'reference catalogue (programmes, rule sets, categories, rounds)',
  kind: 'reference',
  async run(manager) {
    const c = await loadCatalogue(manager);
    const kept = c.keptByAdministrator.length ? `; left to their administrator: ${c.keptByAdministrator.join(', ')}` : '';
    const total = c.programs + c.ruleSets + c.categories + c.rounds + c.roundsMoved;
    if (total === 0) return `already present${kept}`;
    const moved = c.roundsMoved ? `, moved ${c.roundsMoved} rounds without applications to their new rule set` : '';
    return `created ${c.programs} programmes, ${c.ruleSets} rule sets, ${c.categories} categories, ${c.rounds} rounds${moved}${kept}`;
  },
};
