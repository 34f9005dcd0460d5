import { HttpStatus, Injectable } from '@nestjs/common';
import { findState, getWorkflow } from '@jimukyoku/workflow';
import { isUuid } from '../../common/is-uuid';
import { UnitOfWork, type Transaction } from '../../database';
import { ApplicationsRepository } from '../applications/applications.repository';
import type { PostAwardFilingDto } from '../post-award/dto/post-award.dto';
import { notExpenseEvidence } from '../post-award/filing-checks';
import { PostAwardService } from '../post-award/post-award.service';
import { STEP_LABELS, type PostAwardStep } from '../post-award/post-award-steps';
import { StatusLinksService } from '../status-links/status-links.service';
import { onceForKey, requestHash, type StoredResponse } from './idempotency';
import type { IntakeChannel } from './intake-channel.entity';
import { IntakeError } from './intake.errors';
import { IntakeRepository } from './intake.repository';

/**
 * The applicant's steps after 採択 through the portal (docs/post-award.md): the channel the application came
 * from files them, with the same Idempotency-Key handling and 422 error shape as the submission; the step
 * itself (fields, amounts, transition, filing) is PostAwardService's, the attachments are linked here; the answer
 * carries the status page link.
 */
@Injectable()
export class PostAwardIntakeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly intake: IntakeRepository,
    private readonly applications: ApplicationsRepository,
    private readonly postAward: PostAwardService,
    private readonly statusLinks: StatusLinksService,
  ) {}

  async file(channel: IntakeChannel, applicationId: string, step: PostAwardStep, dto: PostAwardFilingDto, idempotencyKey?: string): Promise<StoredResponse> {
    // before the id goes into the stored key: a path of thousands of characters is no application, not a 500
    if (!isUuid(applicationId)) throw new IntakeError('APPLICATION_NOT_FOUND');
    return this.uow.run((tx) => {
      const work = () => this.fileIn(tx, channel, applicationId, step, dto);
      return idempotencyKey
        ? onceForKey(this.intake, tx, channel.id, `${step}:${applicationId}:${idempotencyKey}`, requestHash(dto), work)
        : work().then((r) => ({ ...r, replayed: false }));
    });
  }

  private async fileIn(tx: Transaction, channel: IntakeChannel, applicationId: string, step: PostAwardStep, dto: PostAwardFilingDto) {
    const app = await this.applications.findOfChannel(applicationId, channel.id, tx);
    if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
    const ids = [...new Set(dto.attachmentIds ?? [])];
    const found = ids.length ? await this.intake.unlinkedAttachments(ids, channel.id, tx) : [];
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length)
      throw new IntakeError('INVALID_APPLICATION', {
        errors: missing.map((id) => ({ field: 'attachmentIds', message: `添付書類 ${id} が見つかりません (未登録、または別の申請で使用済み)` })),
      });
    const wrongKind = notExpenseEvidence(step, found);
    if (wrongKind.length) throw new IntakeError('INVALID_APPLICATION', { errors: wrongKind });
    const application = await this.postAward.fileIn(tx, app, step, dto, { role: 'intake', id: channel.id }, { channelId: channel.id, attachmentIds: ids });
    if (ids.length) await this.intake.linkAttachments(ids, app.id, tx);
    const state = findState(getWorkflow(application.workflowCode, application.workflowVersion), application.status);
    return {
      status: HttpStatus.OK,
      body: {
        id: application.id,
        receiptNumber: application.receiptNumber,
        step,
        stepLabel: STEP_LABELS[step],
        status: application.status,
        statusLabel: state?.label ?? application.status,
        attachmentIds: ids,
        // the applicant's status page (README "Status page"), for the portal to show, as the submission's answer does
        statusUrl: await this.statusLinks.urlFor(application.id, tx),
      },
    };
  }
}
