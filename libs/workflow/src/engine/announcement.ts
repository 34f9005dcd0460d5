// A decision held for the announcement (README "Status page"): until the round's 採択発表 (IT導入: the 交付決定日)
// releases its notice the applicant has not been told it, so no step may follow it — the applicant's (a 交付申請, a
// 実績報告, a 取下げ) nor a person's that would mail the applicant about it — but a later decision held for the same
// announcement in its place (a 繰上げ, a 補欠終了, a 再審査). decide() refuses by it, before any other check: a refusal
// naming the state would tell the decision; the API asks it first where its own checks could.
import type { ApplicationSnapshot } from './context';
import type { TransitionDefinition } from './definition';
import { formatJst, isValidDate } from './time';

export interface HeldDecisionRefusal {
  readonly code: 'NOT_YET_ANNOUNCED';
  readonly message: string;
}

/** The transition's notices wait for the announcement themselves: a decision superseding the one held. */
export function holdsUntilAnnouncement(transition: Pick<TransitionDefinition, 'effects'>): boolean {
  return (transition.effects ?? []).some((e) => e.type === 'holdNotificationsUntilAnnouncement');
}

/** The refusal of `transition` while the application's decision is not yet announced, or null when it may go on. */
export function refusalWhileDecisionHeld(
  application: Pick<ApplicationSnapshot, 'heldDecision'>,
  transition: Pick<TransitionDefinition, 'effects'>,
): HeldDecisionRefusal | null {
  const held = application.heldDecision;
  if (!held || holdsUntilAnnouncement(transition)) return null;
  const at = isValidDate(held.announcementAt) ? `（${formatJst(held.announcementAt)}）` : '（日時は未定）';
  // the applicant knows the 補正期限 passed: saying so tells nothing the decision would
  if (held.closedUncorrected)
    return {
      code: 'NOT_YET_ANNOUNCED',
      message: `補正期限までに再提出がなかったため、この申請の手続きは終了しています（再提出・取下げはできません）。結果は、結果の発表${at}でお知らせします。`,
    };
  return {
    code: 'NOT_YET_ANNOUNCED',
    message: `この申請の審査の結果は、結果の発表${at}までお知らせしていません。結果に続く手続き（交付申請・実績報告・取下げなど）は、発表の後にお願いします。`,
  };
}
