import 'reflect-metadata';
import { runServer } from './server.js';

runServer().catch((error: unknown) => {
  process.stderr.write(`Marshal failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
