import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from './entities/environment.entity.js';
import { FreezeWindow } from './entities/freeze-window.entity.js';
import { Project } from './entities/project.entity.js';
import { EnvironmentsController } from './environments.controller.js';
import { EnvironmentsService } from './environments.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

/** Inventory: projects and their environments, with freeze windows. */
@Module({
  imports: [TypeOrmModule.forFeature([Project, Environment, FreezeWindow])],
  controllers: [ProjectsController, EnvironmentsController],
  providers: [ProjectsService, EnvironmentsService],
  exports: [ProjectsService, EnvironmentsService],
})
export class InventoryModule {}
