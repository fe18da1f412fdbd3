import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DiscoveredSecretsController } from './discovered-secrets.controller.js';
import { DiscoveredSecretsService } from './discovered-secrets.service.js';
import { DiscoveredSecret } from './entities/discovered-secret.entity.js';

/** Secrets: what agents found in clusters (access requests and wraps come next). */
@Module({
  imports: [TypeOrmModule.forFeature([DiscoveredSecret])],
  controllers: [DiscoveredSecretsController],
  providers: [DiscoveredSecretsService],
  exports: [DiscoveredSecretsService],
})
export class SecretsModule {}
