import { Module } from '@nestjs/common';
import { AgentAuthenticator } from '../../kernel/auth/agent-authenticator.js';
import { AgentSecretAuthenticator } from './agent-secret.authenticator.js';

/** Provides the kernel's AgentAuthenticator to the module that authenticates requests (identity). */
@Module({
  providers: [AgentSecretAuthenticator, { provide: AgentAuthenticator, useExisting: AgentSecretAuthenticator }],
  exports: [AgentAuthenticator],
})
export class AgentAuthenticationModule {}
