import type { MigrationInterface } from 'typeorm';
import { GitUploads1796423094731 } from './1796423094731-GitUploads.js';
import { SessionsLegacy1796419523289 } from './1796419523289-SessionsLegacy.js';
import { UsageRecordsScanLimitOverrides1796406847788 } from './1796406847788-UsageRecordsScanLimitOverrides.js';
import { ScansFindings1796389618773 } from './1796389618773-ScansFindings.js';
import { CodeRepositories1796356893689 } from './1796356893689-CodeRepositories.js';
import { Blobs1796355284177 } from './1796355284177-Blobs.js';
import { JobKeysAndCancellations1796310471393 } from './1796310471393-JobKeysAndCancellations.js';
import { IdempotencyHolder1796181457698 } from './1796181457698-IdempotencyHolder.js';
import { AuditKeyedChain1796181925958 } from './1796181925958-AuditKeyedChain.js';
import { AgentCapabilityReports1796182279482 } from './1796182279482-AgentCapabilityReports.js';
import { LoginDelays1796182867569 } from './1796182867569-LoginDelays.js';
import { ListIndexes1796183513002 } from './1796183513002-ListIndexes.js';
import { WorkflowCallbackDeliveries1795386623034 } from './1795386623034-WorkflowCallbackDeliveries.js';
import { WorkflowRuns1795386031936 } from './1795386031936-WorkflowRuns.js';
import { WorkflowDefinitions1795381713198 } from './1795381713198-WorkflowDefinitions.js';
import { SecretBroker1795378905423 } from './1795378905423-SecretBroker.js';
import { Gitops1795380000000 } from './1795380000000-Gitops.js';
import { DiscoveredSecrets1795373239172 } from './1795373239172-DiscoveredSecrets.js';
import { Inventory1795372813246 } from './1795372813246-Inventory.js';
import { AccessTenancyAudit1795361803049 } from './1795361803049-AccessTenancyAudit.js';
import { AgentsJobsEvents1795367408015 } from './1795367408015-AgentsJobsEvents.js';
import { Initial1795357732736 } from './1795357732736-Initial.js';

/** Every migration, oldest first. Listed explicitly so that any loader (node, jest) finds them. */
export const migrations: (new () => MigrationInterface)[] = [
  Initial1795357732736,
  AccessTenancyAudit1795361803049,
  AgentsJobsEvents1795367408015,
  Inventory1795372813246,
  DiscoveredSecrets1795373239172,
  SecretBroker1795378905423,
  Gitops1795380000000,
  WorkflowDefinitions1795381713198,
  WorkflowRuns1795386031936,
  WorkflowCallbackDeliveries1795386623034,
  IdempotencyHolder1796181457698,
  AuditKeyedChain1796181925958,
  AgentCapabilityReports1796182279482,
  LoginDelays1796182867569,
  ListIndexes1796183513002,
  JobKeysAndCancellations1796310471393,
  Blobs1796355284177,
  CodeRepositories1796356893689,
  ScansFindings1796389618773,
  UsageRecordsScanLimitOverrides1796406847788,
  SessionsLegacy1796419523289,
  GitUploads1796423094731,
];
