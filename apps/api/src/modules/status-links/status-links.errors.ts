import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const STATUS_LINK_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class StatusLinkError extends errorFamily(STATUS_LINK_ERRORS) {}
