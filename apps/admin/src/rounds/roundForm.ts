import { jstInputToInstant } from '../common/jst';
import type { RoundCategory } from './round';

/** Body of PUT /api/rounds/:id (UpdateRoundDto); instants always with an explicit +09:00 offset. */
export interface UpdateRoundBody {
  name: string;
  opensAt?: string;
  closesAt?: string;
  announcementFrom: string | null;
  announcementTo: string | null;
  announcementLabel: string | null;
  categories: RoundCategory[];
  /** the workflow definition's version: the API changes it only while the round has no application (docs/post-award.md) */
  workflowVersion?: number;
  /** 概算払 may be requested after 交付決定 (docs/post-award.md "概算払") */
  advancePaymentAllowed?: boolean;
}

/** Body of POST /api/rounds (CreateRoundDto). No categories = every category of the rule set. */
export interface CreateRoundBody {
  programId: string;
  ruleSetId: string;
  number: number;
  name?: string;
  opensAt?: string;
  closesAt?: string;
  announcementFrom?: string;
  announcementTo?: string;
  announcementLabel?: string;
  categories?: RoundCategory[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** '' and null (a cleared number input) are "not set"; anything else goes as a number for the API to judge. */
const optionalNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
};

/** An instant for the API (`YYYY-MM-DDTHH:mm:ss+09:00`), or undefined when there is none to send. */
const instant = (value: unknown): string | undefined => jstInputToInstant(value) ?? undefined;

function categories(value: unknown): RoundCategory[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && typeof (c as { categoryId?: unknown }).categoryId === 'string')
    .map((c) => ({ categoryId: c.categoryId as string, budget: optionalNumber(c.budget), adoptionQuota: optionalNumber(c.adoptionQuota) }));
}

/**
 * The edit form (the whole round record, instants as the API sent them or as JST wall clocks typed
 * into the form) → UpdateRoundDto. The API refuses unknown properties and naive local times.
 */
export function toRoundUpdate(data: Record<string, unknown>): UpdateRoundBody {
  const opensAt = instant(data.opensAt);
  const closesAt = instant(data.closesAt);
  return {
    name: text(data.name),
    ...(opensAt ? { opensAt } : {}),
    ...(closesAt ? { closesAt } : {}),
    announcementFrom: instant(data.announcementFrom) ?? null,
    announcementTo: instant(data.announcementTo) ?? null,
    announcementLabel: text(data.announcementLabel) || null,
    categories: categories(data.categories),
    ...(typeof data.workflowVersion === 'number' && Number.isInteger(data.workflowVersion) ? { workflowVersion: data.workflowVersion } : {}),
    ...(typeof data.advancePaymentAllowed === 'boolean' ? { advancePaymentAllowed: data.advancePaymentAllowed } : {}),
  };
}

/** The create form → CreateRoundDto; optional values are left out rather than sent empty. */
export function toRoundCreate(data: Record<string, unknown>): CreateRoundBody {
  const body: CreateRoundBody = {
    programId: String(data.programId ?? ''),
    ruleSetId: String(data.ruleSetId ?? ''),
    number: optionalNumber(data.number) ?? NaN,
  };
  const name = text(data.name);
  if (name) body.name = name;
  for (const key of ['opensAt', 'closesAt', 'announcementFrom', 'announcementTo'] as const) {
    const value = instant(data[key]);
    if (value) body[key] = value;
  }
  const label = text(data.announcementLabel);
  if (label) body.announcementLabel = label;
  const offered = categories(data.categories);
  if (offered.length > 0) body.categories = offered;
  return body;
}
