import { REFERENCE_CATALOGUE, ReferenceCatalogue, validateCatalogue } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';
import { Category } from '../modules/programs/category.entity';
import { Program } from '../modules/programs/program.entity';
import { RuleSet } from '../modules/programs/rule-set.entity';
import { RoundCategory } from '../modules/rounds/round-category.entity';
import { Round } from '../modules/rounds/round.entity';
import type { SeedStep } from './seed-step';

/**
 * Loads every programme, rule set (at its version: 1 unless a rule changed within the same 予算), category and round of the briefing from
 * libs/domain's REFERENCE_CATALOGUE. Insert-if-missing by stable code: a second run changes nothing,
 * and what an administrator edited since is never overwritten.
 */
export async function loadCatalogue(m: EntityManager, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE) {
  const problems = validateCatalogue(catalogue);
  if (problems.length > 0) throw new Error(`reference catalogue is invalid:\n${problems.map((p) => JSON.stringify(p)).join('\n')}`);
  const created = { programs: 0, ruleSets: 0, categories: 0, rounds: 0 };

  const programIds = new Map<string, string>();
  for (const p of catalogue.programs) {
    let row = await m.findOneBy(Program, { code: p.code });
    if (!row) {
      row = await m.save(m.create(Program, { code: p.code, name: p.name, kind: p.kind, workflowKind: p.workflowKind, assumption: p.assumption ?? null }));
      created.programs++;
    }
    programIds.set(p.code, row.id);
  }

  // a rule set by code and version: a later version supersedes the one before it (事業再構築 第5回)
  const ruleSetIds = new Map<string, string>();
  const key = (code: string, version = 1) => `${code}@${version}`;
  const ordered = [...catalogue.ruleSets].sort((a, b) => (a.version ?? 1) - (b.version ?? 1));
  for (const rs of ordered) {
    const version = rs.version ?? 1;
    let row = await m.findOneBy(RuleSet, { code: rs.code, version });
    if (!row) {
      row = await m.save(
        m.create(RuleSet, {
          programId: programIds.get(rs.programCode)!,
          code: rs.code,
          edition: rs.edition,
          label: rs.label,
          version,
          supersedesId: version > 1 ? (ruleSetIds.get(key(rs.code, version - 1)) ?? null) : null,
          lockedAt: null,
          assumption: rs.assumption ?? null,
        }),
      );
      created.ruleSets++;
    }
    ruleSetIds.set(key(rs.code, version), row.id);
    for (const c of rs.categories) {
      if (await m.existsBy(Category, { ruleSetId: row.id, code: c.code })) continue;
      await m.save(m.create(Category, { ruleSetId: row.id, code: c.code, name: c.name, kind: c.kind, config: c }));
      created.categories++;
    }
  }

  for (const r of catalogue.rounds) {
    if (await m.existsBy(Round, { code: r.code })) continue;
    const round = await m.save(
      m.create(Round, {
        code: r.code,
        programId: programIds.get(r.programCode)!,
        ruleSetId: ruleSetIds.get(key(r.ruleSetCode, r.ruleSetVersion))!,
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
  return created;
}

export const referenceCatalogueSeed: SeedStep = {
  name: 'reference catalogue (programmes, rule sets, categories, rounds)',
  kind: 'reference',
  async run(manager) {
    const c = await loadCatalogue(manager);
    const total = c.programs + c.ruleSets + c.categories + c.rounds;
    return total === 0 ? 'already present' : `created ${c.programs} programmes, ${c.ruleSets} rule sets, ${c.categories} categories, ${c.rounds} rounds`;
  },
};
