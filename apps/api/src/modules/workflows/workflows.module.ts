import { Module } from '@nestjs/common';
import { WorkflowTemplatesCheck } from './workflow-templates.check';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsService } from './workflows.service';

/**
 * Checks at boot that the workflow definitions' notify(...) templates exist in the catalogue (API and
 * worker: coreImports in api.module.ts). No routes.
 */
@Module({ providers: [WorkflowTemplatesCheck] })
export class WorkflowDefinitionsCheckModule {}

/** GET /api/workflows: the registered workflow definitions, read-only, for every staff role. */
@Module({ controllers: [WorkflowsController], providers: [WorkflowsService] })
export class WorkflowsModule {}
