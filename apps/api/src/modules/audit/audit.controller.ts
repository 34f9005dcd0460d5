import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Policy } from '../../auth/policy.decorator';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { AuditLogFilter, AUDIT_LIST } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditLogEntryDto } from './dto/audit-answers.dto';

@ApiTags('audit-logs')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Policy('auditLogs.read')
  @ApiOperation({ summary: '監査ログの一覧 (filter: action (前方一致), actorId, entityType, entityId, occurredFrom, occurredTo)' })
  @ApiListQuery(AUDIT_LIST)
  @ApiOkResponse({ type: AuditLogEntryDto, isArray: true })
  async list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<AuditLogFilter, unknown>(res, 'audit-logs', params, AUDIT_LIST, (q) => this.audit.list(q));
  }

  @Get(':id')
  @Policy('auditLogs.read')
  @ApiOperation({ summary: '監査ログ1件' })
  @ApiOkResponse({ type: AuditLogEntryDto })
  async show(@Param('id') id: string) {
    const row = await this.audit.get(id);
    if (!row) throw new NotFoundException({ code: 'AUDIT_LOG_NOT_FOUND', message: '指定された監査ログはありません。' });
    return row;
  }
}
