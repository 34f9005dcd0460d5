import { Injectable } from '@nestjs/common';
import { statesEndingReporting } from '@jimukyoku/workflow';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { CommercializationReportsRepository, type CommercializationReportFilter } from './commercialization-reports.repository';

export const COMMERCIALIZATION_REPORT_STATES = ['overdue', 'open', 'reported'] as const;

export const commercializationReportListSpec = (): ListSpec => ({
  sortable: ['dueDate', 'sequence', 'reportedAt'],
  defaultSort: ['dueDate', 'ASC'],
  filters: { state: { enum: COMMERCIALIZATION_REPORT_STATES }, applicationId: 'uuids' },
});

/**
 * The managers' list of the yearly 事業化状況報告 (docs/post-award.md "事業化状況報告の予定"): `state` overdue (the
 * due date has passed in JST, not filed, the project still running: not in a state ending reporting, statesEndingReporting:
 * terminal, or 交付決定取消), open, reported.
 */
@Injectable()
export class CommercializationReportsService {
  constructor(private readonly repo: CommercializationReportsRepository) {}

  list(q: ListQuery<CommercializationReportFilter>) {
    return this.repo.list(q, statesEndingReporting());
  }
}
