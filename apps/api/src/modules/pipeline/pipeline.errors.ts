import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const PIPELINE_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  REVIEWER_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査員はいません (有効な審査員アカウントではありません)。'],
  NOTHING_TO_REMIND: [HttpStatus.CONFLICT, 'この審査員には、この公募回で期限を過ぎた未提出の審査がありません (直近1時間に催促したものは除きます)。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class PipelineError extends errorFamily(PIPELINE_ERRORS) {}
