import { Injectable } from '@nestjs/common';
import { formatJst, roundDeadline, wholeSecond } from '@jimukyoku/domain';
import { findWorkflow, getWorkflow, latestWorkflow, toMermaid } from '@jimukyoku/workflow';
import { UnitOfWork, type Transaction } from '../../database';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { RulesRepository } from '../programs/rules.repository';
import type { CreateRoundDto, RoundCategoryDto, UpdateRoundDto } from './dto/round.dto';
import { RoundCategory } from './round-category.entity';
import { Round } from './round.entity';
import { RoundError, ROUND_ERRORS } from './rounds.errors';
import { RoundFilter, RoundsRepository, type RoundReceived } from './rounds.repository';

export type RoundStatus = 'upcoming' | 'open' | 'closed';

export interface RoundView extends Round {
  status: RoundStatus;
  /** the same instants as shown to people: '2022年3月24日(木) 18:00:00' */
  opensAtJst: string;
  closesAtJst: string;
  categories: { categoryId: string; budget: number | null; adoptionQuota: number | null }[];
  /** the programme's name (事業再構築補助金) */
  programName: string;
  /** how a round is named wherever one is picked or shown: the programme and the round (事業再構築補助金 第12回公募) */
  title: string;
}

export const roundStatus = (round: Pick<Round, 'opensAt' | 'closesAt'>, now: Date): RoundStatus =>
  now < round.opensAt ? 'upcoming' : now < round.closesAt ? 'open' : 'closed';

/**
 * The workflow version a round runs on: the one asked for, which must be a registered version of the programme's
 * workflow, else the latest (what a new round is bound to; docs/post-award.md "Moving to a new version").
 */
function workflowVersionOf(workflowKind: string, asked: number | undefined): number {
  if (asked === undefined) return latestWorkflow(workflowKind).version;
  if (!findWorkflow(workflowKind, asked)) throw new RoundError('WORKFLOW_VERSION_UNKNOWN', { field: 'workflowVersion' });
  return asked;
}

/** 公募 rounds: schedule (exact instants), the rule set they run on, offered categories with budgets. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly rules: RulesRepository,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(query: ListQuery<RoundFilter>): Promise<[RoundView[], number]> {
    const [rows, total] = await this.rounds.list(query);
    return [await this.views(rows), total];
  }

  async get(id: string, tx?: Transaction): Promise<RoundView> {
    const round = (await this.rounds.find(id, tx)) ?? notFound();
    return (await this.views([round], tx))[0];
  }

  /** The workflow definition the round's applications run on, as data and as a Mermaid state diagram. */
  async workflow(id: string) {
    const round = (await this.rounds.find(id)) ?? notFound();
    const program = await this.rules.findProgram(round.programId);
    const definition = getWorkflow(program!.workflowKind, round.workflowVersion);
    return { roundId: round.id, definition, mermaid: toMermaid(definition) };
  }

  create(actor: AuthenticatedUser, dto: CreateRoundDto) {
    return this.unitOfWork.run(async (tx) => {
      const program = await this.rules.findProgram(dto.programId, tx);
      const ruleSet = await this.rules.findRuleSet(dto.ruleSetId, tx);
      // each refusal names the field to fix, as `errors` does elsewhere
      const refuse = (code: 'PROGRAM_NOT_FOUND' | 'RULE_SET_NOT_FOUND' | 'RULE_SET_OF_OTHER_PROGRAM', field: string) =>
        new RoundError(code, { field, errors: [{ field, message: ROUND_ERRORS[code][1] }] });
      if (!program) throw refuse('PROGRAM_NOT_FOUND', 'programId');
      if (!ruleSet) throw refuse('RULE_SET_NOT_FOUND', 'ruleSetId');
      if (ruleSet.programId !== program.id) throw refuse('RULE_SET_OF_OTHER_PROGRAM', 'ruleSetId');
      if (await this.rounds.numberTaken(program.id, dto.number, tx)) throw new RoundError('ROUND_NUMBER_TAKEN', { field: 'number' });
      const code = `${program.code}.round${dto.number}`;
      if (await this.rounds.codeTaken(code, tx)) throw new RoundError('ROUND_NUMBER_TAKEN', { field: 'number' });
      const round = this.rounds.build({
        code,
        programId: program.id,
        ruleSetId: ruleSet.id,
        number: dto.number,
        name: dto.name ?? `第${dto.number}回公募`,
        opensAt: instant(dto.opensAt),
        closesAt: instant(dto.closesAt),
        announcementFrom: dto.announcementFrom ? instant(dto.announcementFrom) : null,
        announcementTo: dto.announcementTo ? instant(dto.announcementTo) : null,
        announcementLabel: dto.announcementLabel ?? null,
        // new rounds run on the programme's latest definition unless one is named (docs/post-award.md)
        workflowVersion: workflowVersionOf(program.workflowKind, dto.workflowVersion),
        advancePaymentAllowed: dto.advancePaymentAllowed ?? false,
        assumption: null,
      });
      checkSchedule(round);
      const saved = await this.rounds.save(round, tx);
      await this.setCategories(saved, dto.categories, tx);
      await this.audit.record({ actor, action: 'round.created', entityType: 'round', entityId: saved.id, changes: { ...dto } }, tx);
      return this.get(saved.id, tx);
    });
  }

  update(actor: AuthenticatedUser, id: string, dto: UpdateRoundDto) {
    return this.unitOfWork.run(async (tx) => {
      const round = (await this.rounds.find(id, tx)) ?? notFound();
      const before = { ...round };
      const offeredBefore = await this.offered(round.id, tx);
      const now = await this.rounds.dbNow(tx);
      const received = await this.rounds.received(round.id, tx);
      if (dto.ruleSetId && dto.ruleSetId !== round.ruleSetId) {
        if (round.opensAt <= now) throw new RoundError('RULE_SET_FIXED_AFTER_OPENING', { field: 'ruleSetId' });
        // its 公募開始 moved later first does not free it: its applications keep their rule set and 類型
        if (received.byCategory.size) throw new RoundError('RULE_SET_FIXED_AFTER_APPLICATIONS', { field: 'ruleSetId' });
        const ruleSet = await this.rules.findRuleSet(dto.ruleSetId, tx);
        if (!ruleSet || ruleSet.programId !== round.programId) throw new RoundError('RULE_SET_OF_OTHER_PROGRAM', { field: 'ruleSetId' });
        round.ruleSetId = ruleSet.id;
      }
      if (dto.workflowVersion !== undefined && dto.workflowVersion !== round.workflowVersion) {
        const program = await this.rules.findProgram(round.programId, tx);
        round.workflowVersion = workflowVersionOf(program!.workflowKind, dto.workflowVersion);
        // an application keeps the version it started on: only a round without any may move (docs/post-award.md)
        if (received.byCategory.size) throw new RoundError('WORKFLOW_FIXED_AFTER_APPLICATIONS', { field: 'workflowVersion' });
      }
      if (dto.name !== undefined) round.name = dto.name;
      round.opensAt = edited(round.opensAt, dto.opensAt)!;
      round.closesAt = edited(round.closesAt, dto.closesAt)!;
      round.announcementFrom = edited(round.announcementFrom, dto.announcementFrom);
      round.announcementTo = edited(round.announcementTo, dto.announcementTo);
      if (dto.announcementLabel !== undefined) round.announcementLabel = dto.announcementLabel;
      if (dto.advancePaymentAllowed !== undefined) round.advancePaymentAllowed = dto.advancePaymentAllowed;
      // the 採択発表 is checked against the deadline when either moves: an edit of anything else leaves a round
      // whose dates were set before this rule (or by hand) editable
      checkSchedule(round, dto.closesAt !== undefined || dto.announcementFrom !== undefined);
      checkAgainstReceived(before, round, received, now);
      // A deadline moved past now (締切延長 after the scheduler closed the round) reopens it; the scheduler closes it again later.
      if (round.closedAt && roundDeadline(round) > now) round.closedAt = null;
      await this.rounds.save(round, tx);
      if (dto.categories || dto.ruleSetId) await this.setCategories(round, dto.categories, tx, received.byCategory);
      const changes = diff(before, round, { from: offeredBefore, to: await this.offered(round.id, tx) });
      // the record sent back unchanged (react-admin's save sends it whole) changed nothing: nothing to audit
      if (Object.keys(changes).length) await this.audit.record({ actor, action: 'round.updated', entityType: 'round', entityId: id, changes }, tx);
      return this.get(id, tx);
    });
  }

  /** What the round offers, as its audit record states it: each 類型 with its 予算 and 採択枠, in a stable order. */
  private async offered(roundId: string, tx: Transaction) {
    return ((await this.rounds.categoriesOf([roundId], tx)).get(roundId) ?? [])
      .map(({ categoryId, budget, adoptionQuota }) => ({ categoryId, budget, adoptionQuota }))
      .sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
  }

  /**
   * The categories a round offers: all of its rule set when none are named; each must belong to it, and none that
   * has applications (`applied`, per category) may be left out: they would have no ranking, 予算 or decision.
   */
  private async setCategories(round: Round, wanted: RoundCategoryDto[] | undefined, tx: Transaction, applied = new Map<string, number>()) {
    const available = await this.rules.categoriesOf(round.ruleSetId, tx);
    const dropped = wanted ? [...applied].filter(([categoryId]) => !wanted.some((w) => w.categoryId === categoryId)) : [];
    if (dropped.length)
      throw new RoundError('CATEGORY_HAS_APPLICATIONS', {
        field: 'categories',
        errors: dropped.map(([categoryId, n]) => ({
          field: 'categories',
          message: `類型「${available.find((c) => c.id === categoryId)?.name ?? categoryId}」には申請が${n}件あるため、公募回から外せません`,
        })),
      });
    const rows: Omit<RoundCategory, 'roundId'>[] = wanted
      ? wanted.map((w, i) => {
          if (!available.some((c) => c.id === w.categoryId)) throw new RoundError('CATEGORY_NOT_IN_RULE_SET', { field: `categories[${i}].categoryId` });
          // the table's key would refuse it as a concurrent save, telling the manager to reload
          if (wanted.findIndex((o) => o.categoryId === w.categoryId) < i) throw new RoundError('DUPLICATE_CATEGORY', { field: `categories[${i}].categoryId` });
          return { categoryId: w.categoryId, budget: w.budget ?? null, adoptionQuota: w.adoptionQuota ?? null };
        })
      : available.map((c) => ({ categoryId: c.id, budget: null, adoptionQuota: null }));
    await this.rounds.replaceCategories(round.id, rows, tx);
  }

  private async views(rows: Round[], tx?: Transaction): Promise<RoundView[]> {
    const now = await this.rounds.dbNow(tx);
    const categories = await this.rounds.categoriesOf(
      rows.map((r) => r.id),
      tx,
    );
    const programIds = [...new Set(rows.map((r) => r.programId))];
    const programs = new Map((await Promise.all(programIds.map((id) => this.rules.findProgram(id, tx)))).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    return rows.map((r) =>
      Object.assign(r, {
        programName: programs.get(r.programId) ?? '',
        title: [programs.get(r.programId), r.name].filter(Boolean).join(' '),
        status: roundStatus(r, now),
        opensAtJst: formatJst(r.opensAt),
        closesAtJst: formatJst(r.closesAt),
        categories: (categories.get(r.id) ?? []).map(({ categoryId, budget, adoptionQuota }) => ({ categoryId, budget, adoptionQuota })),
      }),
    );
  }
}

function checkSchedule(r: Round, announcementMoved = true) {
  if (r.closesAt <= r.opensAt)
    throw new RoundError(
      'INVALID_SCHEDULE',
      { field: 'closesAt' },
      `応募締切 (${formatJst(r.closesAt)}) は公募開始 (${formatJst(r.opensAt)}) より後にしてください。`,
    );
  // 採択 is decided on the applications received, so it is announced after the deadline (第5回: 締切 3月24日, 採択発表 5月下旬)
  if (announcementMoved && r.announcementFrom && r.announcementFrom <= r.closesAt)
    throw new RoundError(
      'INVALID_SCHEDULE',
      { field: 'announcementFrom' },
      `採択発表 (${formatJst(r.announcementFrom)}) は応募締切 (${formatJst(r.closesAt)}) より後にしてください。`,
    );
  if (r.announcementFrom && r.announcementTo && r.announcementTo < r.announcementFrom) {
    throw new RoundError('INVALID_SCHEDULE', { field: 'announcementTo' }, '採択発表の期間の終わりは始まりより後にしてください。');
  }
}

/**
 * The schedule edits that would contradict what the round received and decided: the 公募開始 and 応募締切 once a 採択
 * decision is committed (it was decided on what the deadline let in; a deadline moved past now would reopen the round
 * to new applications), the 採択発表 once it has begun (its notices are released), a 公募開始 after the first 受付 or
 * an 応募締切 moved before the last (applications outside their own 公募期間).
 */
function checkAgainstReceived(before: Round, after: Round, received: RoundReceived, now: Date) {
  const moved = (k: 'opensAt' | 'closesAt' | 'announcementFrom' | 'announcementTo') => (before[k]?.getTime() ?? null) !== (after[k]?.getTime() ?? null);
  if (received.decided) for (const k of ['opensAt', 'closesAt'] as const) if (moved(k)) throw new RoundError('SCHEDULE_FIXED_AFTER_DECISION', { field: k });
  const announced = before.announcementFrom;
  if (announced && announced <= now)
    for (const k of ['announcementFrom', 'announcementTo'] as const)
      if (moved(k))
        throw new RoundError(
          'ANNOUNCEMENT_PASSED',
          { field: k },
          `採択発表は${formatJst(announced)}に始まっているため、その日時を変更できません (結果のお知らせは送信済みです)。`,
        );
  const first = received.firstReceivedAt;
  if (first && moved('opensAt') && after.opensAt > first)
    throw new RoundError(
      'SCHEDULE_EXCLUDES_RECEIPTS',
      { field: 'opensAt' },
      `最初の申請を${formatJst(first)}に受け付けているため、公募開始はそれより後にできません。`,
    );
  const last = received.lastReceivedAt;
  if (last && moved('closesAt') && after.closesAt < before.closesAt && after.closesAt < last)
    throw new RoundError(
      'SCHEDULE_EXCLUDES_RECEIPTS',
      { field: 'closesAt' },
      `最後の申請を${formatJst(last)}に受け付けているため、応募締切はそれより前にできません。`,
    );
}

/** What an edit changed, each `{ from, to }`: the round's fields and the 類型 it offers (with 予算 and 採択枠), whole. */
function diff(before: Round, after: Round, categories: { from: unknown[]; to: unknown[] }) {
  const keys = [
    'name',
    'ruleSetId',
    'opensAt',
    'closesAt',
    'announcementFrom',
    'announcementTo',
    'announcementLabel',
    'closedAt',
    'workflowVersion',
    'advancePaymentAllowed',
  ] as const;
  const changes: Record<string, unknown> = {};
  for (const k of keys) {
    const a = before[k] instanceof Date ? (before[k] as Date).toISOString() : before[k];
    const b = after[k] instanceof Date ? (after[k] as Date).toISOString() : after[k];
    if (a !== b) changes[k] = { from: a, to: b };
  }
  if (JSON.stringify(categories.from) !== JSON.stringify(categories.to)) changes.categories = categories;
  return changes;
}

/** A 公募 date as sent, kept to the second it is shown and enforced to (wholeSecond). */
const instant = (iso: string) => wholeSecond(new Date(iso));

/**
 * A 公募 date after an edit: `sent` (null clears it) unless it names the second the stored one is in. So a record sent
 * back as it was read moves nothing, also where a date was stored with a fraction of a second before dates were kept
 * whole (nothing to refuse on a decided round, nothing to audit).
 */
function edited(stored: Date | null, sent: string | null | undefined): Date | null {
  if (sent === undefined) return stored;
  if (sent === null) return null;
  const next = instant(sent);
  return stored && wholeSecond(stored).getTime() === next.getTime() ? stored : next;
}

function notFound(): never {
  throw new RoundError('ROUND_NOT_FOUND');
}
