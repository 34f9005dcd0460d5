/**
 * validateCatalogue: referential checks a seed step runs before loading a catalogue (unique codes,
 * rounds pointing at existing rule sets and categories, JST instants in order, valid categories).
 */
import { validateCategoryConfig } from '../category';
import type { ReferenceCatalogue } from './catalogue.types';

export interface CatalogueProblem {
  readonly path: string;
  readonly message: string;
}

/** 'YYYY-MM-DDTHH:mm:ss+09:00' */
export const JST_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

const duplicates = (codes: readonly string[]): string[] => codes.filter((c, i) => codes.indexOf(c) !== i);

export const validateCatalogue = (catalogue: ReferenceCatalogue): CatalogueProblem[] => {
  const out: CatalogueProblem[] = [];
  const programs = new Set(catalogue.programs.map((p) => p.code));
  duplicates(catalogue.programs.map((p) => p.code)).forEach((c) => out.push({ path: `programs.${c}`, message: `事業コード ${c} が重複しています` }));
  const key = (code: string, version = 1) => (version === 1 ? code : `${code}@v${version}`);
  duplicates(catalogue.ruleSets.map((r) => key(r.code, r.version))).forEach((c) =>
    out.push({ path: `ruleSets.${c}`, message: `予算コード ${c} が重複しています` }),
  );
  duplicates(catalogue.rounds.map((r) => r.code)).forEach((c) => out.push({ path: `rounds.${c}`, message: `公募回コード ${c} が重複しています` }));

  for (const rs of catalogue.ruleSets) {
    const version = rs.version ?? 1;
    const path = `ruleSets.${key(rs.code, version)}`;
    if (!programs.has(rs.programCode)) out.push({ path, message: `事業 ${rs.programCode} がありません` });
    if (!Number.isSafeInteger(version) || version < 1) out.push({ path, message: `版数 ${version} は1以上の整数にしてください` });
    // a later version supersedes the one before it: that one must be listed too
    else if (version > 1 && !catalogue.ruleSets.some((r) => r.code === rs.code && (r.version ?? 1) === version - 1))
      out.push({ path, message: `予算 ${rs.code} の第${version - 1}版がありません（第${version}版はその改定です）` });
    if (rs.code !== `${rs.programCode}.${rs.edition}`) out.push({ path, message: `予算コードは「事業コード.版」にしてください` });
    duplicates(rs.categories.map((c) => c.code)).forEach((c) => out.push({ path, message: `類型コード ${c} が重複しています` }));
    for (const category of rs.categories) {
      if (!category.code.startsWith(`${rs.programCode}.`)) out.push({ path: `${path}.${category.code}`, message: '類型コードは事業コードで始めてください' });
      for (const p of validateCategoryConfig(category)) out.push({ path: `${path}.${category.code}.${p.path}`, message: p.message });
      for (const target of (category.kind === 'subsidy' && category.reconsiderIn) || []) {
        if (!rs.categories.some((c) => c.code === target && c.kind === 'subsidy'))
          out.push({ path: `${path}.${category.code}.reconsiderIn`, message: `再審査先の類型 ${target} が予算 ${rs.code} にありません` });
      }
    }
  }

  for (const round of catalogue.rounds) {
    const path = `rounds.${round.code}`;
    const ruleSet = catalogue.ruleSets.find((r) => r.code === round.ruleSetCode && (r.version ?? 1) === (round.ruleSetVersion ?? 1));
    if (!ruleSet) out.push({ path, message: `予算 ${key(round.ruleSetCode, round.ruleSetVersion)} がありません` });
    else if (ruleSet.programCode !== round.programCode)
      out.push({ path, message: `予算 ${round.ruleSetCode} は事業 ${round.programCode} のものではありません` });
    for (const code of round.categoryCodes ?? []) {
      if (!ruleSet?.categories.some((c) => c.code === code)) out.push({ path, message: `類型 ${code} が予算 ${round.ruleSetCode} にありません` });
    }
    const instants = {
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      ...(round.announcement ? { 'announcement.from': round.announcement.from, 'announcement.to': round.announcement.to } : {}),
    };
    for (const [field, value] of Object.entries(instants)) {
      if (!JST_INSTANT.test(value) || Number.isNaN(Date.parse(value)))
        out.push({ path: `${path}.${field}`, message: `${field} は +09:00 付きの日時にしてください` });
    }
    if (Date.parse(round.opensAt) >= Date.parse(round.closesAt)) out.push({ path, message: '応募締切は公募開始より後にしてください' });
    if (round.announcement && Date.parse(round.announcement.from) > Date.parse(round.announcement.to)) {
      out.push({ path: `${path}.announcement`, message: '採択発表の期間が逆転しています' });
    }
    if (round.announcement && Date.parse(round.announcement.from) < Date.parse(round.closesAt)) {
      out.push({ path: `${path}.announcement`, message: '採択発表は応募締切より後にしてください' });
    }
  }
  return out;
};
