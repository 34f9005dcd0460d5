import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditLogEntry } from './audit-log.entity';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { SealAuditLogJob } from './seal-audit-log.job';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntry])],
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, AuditChainRepository, SealAuditLogJob],
  exports: [AuditService, AuditRepository, AuditChainRepository, SealAuditLogJob],
})
export class AuditModule {}
