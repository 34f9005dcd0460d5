import type { Role } from './definition';

// What the engine reads besides the definition: a snapshot of the application and a context the
// API assembles (round dates, adoption slots). Only the fields some guard needs are listed; each is
// optional so a flow that never uses a guard never has to supply its input. A guard whose input is
// missing refuses (fail closed) with a message saying what is missing.

/** The application as the engine sees it. The API maps its entity onto this. */
export interface ApplicationSnapshot {
  /** Current state code. */
  readonly status: string;
  /** Definition version the application started on; never changes for the application's life. */
  readonly workflowVersion: number;
  /** Definition code; when given, it must match the definition used (checked by decide()). */
  readonly workflowCode?: string;
  /** Per-application 補正期限 set when it was returned; overrides round.correctionDueAt. */
  readonly correctionDueAt?: Date | null;
  /** Result of quote()/checkEligibility() from libs/domain: is the requested amount within rules? */
  readonly quote?: { readonly eligible: boolean; readonly reasons?: readonly string[] } | null;
  /**
   * Outcome of the 形式審査 / 要件確認 checklist. `completed: false`: answers saved but not completed, or a check
   * reopened by a 再提出 (reopensFormalCheck): it decides nothing. `failedItems`: the items found 不適, as a person
   * reads them (添付書類「事業計画書」), for the refusal's message.
   */
  readonly formalCheck?: { readonly passed: boolean; readonly completed?: boolean; readonly failedItems?: readonly string[] } | null;
  /** 書面審査 progress: reviewers assigned to this application and reviews they have submitted. */
  readonly reviews?: { readonly assigned: number; readonly submitted: number } | null;
  /** 事業復活支援金: received 一時支援金 or 月次支援金 before, so the 事前確認 is waived. */
  readonly previousRecipient?: boolean | null;
  /**
   * A decision of the application not yet announced: its notice is held until the round's 採択発表 (IT導入: the
   * 交付決定日), `announcementAt` (null: not set yet), which has not come (README "Status page"). null: none. Absent:
   * not read (a bulk adoption decision, whose transitions hold their own notices), and not refused for.
   */
  readonly heldDecision?: {
    readonly announcementAt: Date | null;
    /** `returnedToApplicant`: the decision held closed a 差戻し whose 補正期限 passed (closeUncorrected), which the applicant knows */
    readonly closedUncorrected?: boolean;
  } | null;
  /**
   * What confirmed payment batches paid the application as 概算払 (integer yen), read by the API when a guard ahead
   * needs it (nothingPaidInAdvance). Absent: not read, and that guard refuses.
   */
  readonly advancePaid?: number;
}

export interface RoundWindow {
  /** 公募開始. */
  readonly opensAt?: Date | null;
  /** 応募締切: the instant after which submissions are refused. */
  readonly closesAt?: Date | null;
  /** Minutes added to closesAt (締切延長, e.g. when the e-application system was overloaded). */
  readonly graceMinutes?: number | null;
  /** Round-wide 補正期限 for returned applications. */
  readonly correctionDueAt?: Date | null;
  /** 採択発表 (or the fixed 交付決定日): decision notices are released from this instant. */
  readonly announcementAt?: Date | null;
}

/** Context assembled by the API for a decision. */
export interface WorkflowContext {
  /** The round the application belongs to. */
  readonly round?: RoundWindow | null;
  /** Adoption slots of the round × category (budget expressed as a count): capacity and already adopted. */
  readonly slots?: { readonly capacity: number; readonly used: number } | null;
  /**
   * A 採択 and the round × 類型's 予算: `byDecision` when it carries out a committed adoption decision
   * (the ranking drew the line, the manager saw its total); otherwise the 予算 (null: none set), the
   * quoted amounts already adopted (holdsSlot states) and this application's quoted amount.
   */
  readonly adoption?:
    | { readonly byDecision: true }
    | { readonly byDecision: false; readonly budget: number | null; readonly adoptedAmount: number; readonly amount: number }
    | null;
  /**
   * 再審査 in another 類型: the 類型 the application moves to, as the manager chose it and the API
   * checked it against the category's `reconsiderIn` (apps/api reconsideration). Absent for any other event.
   */
  readonly reconsideration?: { readonly toCategory: string } | null;
  /**
   * A post-award amount (交付決定額, 確定額) the API computed by the rules for this event (apps/api post-award,
   * docs/post-award.md): present only when the event comes from the route that computes it. Absent for a bare
   * transition, which the guard amountComputed then refuses.
   */
  readonly amount?: { readonly computed: number } | null;
  /**
   * The 支払バッチ whose confirmed transfer pays this application (apps/api payment batches, docs/payments.md):
   * present only when a batch's confirmation fires the definition's payment transition. Absent for a bare
   * transition, which the guard paidByBatch then refuses.
   */
  readonly payment?: { readonly batchId: string } | null;
  /**
   * The 精算 at a 額の確定 (apps/api post-award, docs/post-award.md "概算払"): the 確定額 and what the 概算払 already paid,
   * both computed by the API in the 額の確定's transaction. Present only there; the guard paidInAdvance reads it.
   */
  readonly settlement?: { readonly fixedAmount: number; readonly advancePaid: number } | null;
}

/** What a guard receives: the context plus the decision instant. */
export interface GuardContext extends WorkflowContext {
  readonly now: Date;
}

/** Who fires the event. */
export interface Actor {
  readonly role: Role;
  readonly id: string;
}

/** The event: which transition, and the free-text reason when the transition requires one. */
export interface WorkflowEvent {
  readonly transition: string;
  readonly reason?: string | null;
}
