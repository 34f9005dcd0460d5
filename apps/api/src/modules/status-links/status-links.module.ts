import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StatusLink, StatusLinkUse } from './status-link.entity';
import { StatusLinksController } from './status-links.controller';
import { StatusLinksRepository } from './status-links.repository';
import { StatusLinksService } from './status-links.service';
import { StatusPageController } from './status-page.controller';

/** The applicants' status links (status_link) and their use log (status_link_use), and the status page. */
@Module({
  imports: [TypeOrmModule.forFeature([StatusLink, StatusLinkUse])],
  controllers: [StatusPageController, StatusLinksController],
  providers: [StatusLinksRepository, StatusLinksService],
  exports: [StatusLinksService],
})
export class StatusLinksModule {}
