import { SIZE_CLASSES } from '@jimukyoku/domain';
import { registeredStateCodes } from '@jimukyoku/workflow';
import type { ListSpec } from '../../common/list-query';

/** The 申請 list's query: its filter, its sortable columns and what parseListQuery checks them against. */
export interface ApplicationFilter {
  id?: string[];
  roundId?: string;
  categoryId?: string;
  status?: string | string[];
  prefecture?: string;
  sizeClass?: string;
  q?: string;
  /** 受付 at or after / before (the dashboard's intake chart links a day) */
  receivedFrom?: string;
  receivedTo?: string;
}

export const APPLICATION_SORTABLE = ['receiptNumber', 'applicantName', 'status', 'prefecture', 'quotedAmount', 'receivedAt', 'createdAt', 'updatedAt'] as const;
export const APPLICATION_LIST: ListSpec = {
  sortable: APPLICATION_SORTABLE,
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    roundId: 'uuid',
    categoryId: 'uuid',
    // the states of the workflows registered when the request is read (a getter): an unknown one is a typo, not an empty list
    status: {
      get enums() {
        return registeredStateCodes();
      },
    },
    prefecture: 'string',
    sizeClass: { enum: SIZE_CLASSES },
    q: 'string',
    receivedFrom: 'instant',
    receivedTo: 'instant',
  },
};
