import { definePermissions } from '../../kernel/auth/permission-set.js';

export const AGENTS_PERMISSIONS = definePermissions({
  'agent.read': 'See agents, their status and runtime views (never a credential)',
  'agent.mint': 'Mint agents; their secret is shown once',
  'agent.edit': "Edit an agent's name, description, labels and capabilities",
  'agent.revoke': 'Revoke an agent: it is refused from its next request on',
  'agent.delete': 'Delete agents',
  'agent.enroll': 'See and rotate the enrollment tokens agents register with',
  'credential.read': "Audit the organization's credentials: API keys, agent secrets, enrollment tokens (never a secret)",
});
