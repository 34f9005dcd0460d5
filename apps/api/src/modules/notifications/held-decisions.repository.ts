import type { EntityManager } from 'typeorm';

/**
 * The one rule of when a decision is announced (README "Status page"): a decision notice (採択・不採択・補欠, IT導入's
 * 交付決定・不交付 …) is held until the round's 採択発表 (`announcement_from`, as it stands now; IT導入: the 交付決定日)
 * and released when it has come. SQL over the round aliased `round`: what the dispatcher's release reads
 * (NotificationsRepository.releaseDueHeld) and what heldDecisionOf reads, so the applicant's page, the portal and
 * the workflow see a decision exactly when its mail goes out.
 */
export const announcementHasCome = (round: string) => `${round}.announcement_from <= now()`;

/** A decision of the application not yet announced: the state it was in before, and when it will be announced (null: not set). */
export interface HeldDecision {
  statusBefore: string;
  announcementAt: Date | null;
}

/**
 * The application's decision not yet announced, or null: a notice of it still held (`held_until_announcement`)
 * while the round's announcement has not come. A later decision held in its place cancelled the earlier one's
 * notice (TransitionsService.fireIn): the state before is the one before the first decision of that run — after the
 * last decision notice released — so a 補欠 繰上げ to 採択 shows as 審査完了, never as 補欠.
 */
export async function heldDecisionOf(m: EntityManager, applicationId: string): Promise<HeldDecision | null> {
  const [row] = await m.query(
    `SELECT coalesce(al.from_status, a.status) AS "statusBefore", r.announcement_from AS "announcementAt"
       FROM application a
       JOIN round r ON r.id = a.round_id
       JOIN notification n ON n.application_id = a.id AND n.held_until_announcement AND n.status IN ('held', 'cancelled')
       JOIN audit_log al ON al.id = n.audit_id
      WHERE a.id = $1
        AND NOT coalesce(${announcementHasCome('r')}, false)
        AND EXISTS (SELECT 1 FROM notification h WHERE h.application_id = a.id AND h.held_until_announcement AND h.status = 'held')
        AND n.audit_id > coalesce((SELECT max(d.audit_id) FROM notification d
                                    WHERE d.application_id = a.id AND d.held_until_announcement AND d.status NOT IN ('held', 'cancelled')), 0)
      ORDER BY n.audit_id
      LIMIT 1`,
    [applicationId],
  );
  return row ? { statusBefore: row.statusBefore, announcementAt: row.announcementAt ?? null } : null;
}

/** The state the applicant is shown (status page, the portal's reading): before the decision not yet announced, else as it is. */
export function statusAsAnnounced(status: string, held: HeldDecision | null): string {
  return held?.statusBefore ?? status;
}
