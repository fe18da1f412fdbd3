import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The port a first start tries, so that a single checkout keeps the port it always had. */
export const CONVENTIONAL_EMBEDDED_PORT = 54329;
/** Where the chosen port is remembered, beside the cluster it serves. */
export const PORT_FILE = 'embedded-db-port';

/** Whether 127.0.0.1:port can be listened on now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The port of the embedded PostgreSQL under `dataDir`. An explicit EMBEDDED_DB_PORT is used as
 * given, and a clear error names the variable when something else holds it. Otherwise the port
 * remembered in DATA_DIR is reused while it is free; a first start tries the conventional one; and
 * when that is taken (a second checkout on the same machine) a free port is picked. Whatever is
 * chosen is remembered, so restarts keep it.
 */
export async function chooseEmbeddedPort(dataDir: string, explicit: number | undefined): Promise<{ port: number; chosen: boolean }> {
  if (explicit !== undefined) {
    if (!(await isFree(explicit))) {
      throw new Error(
        `Embedded PostgreSQL cannot listen on 127.0.0.1:${explicit} (EMBEDDED_DB_PORT): something else holds that port, perhaps another Marshal checkout. ` +
          'Set EMBEDDED_DB_PORT to a free port, or unset it and Marshal picks one and remembers it under DATA_DIR.',
      );
    }
    return { port: explicit, chosen: false };
  }
  const file = join(dataDir, PORT_FILE);
  const remembered = existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8'), 10) : NaN;
  const preferred = Number.isInteger(remembered) && remembered > 0 && remembered < 65536 ? remembered : CONVENTIONAL_EMBEDDED_PORT;
  const port = (await isFree(preferred)) ? preferred : await anyFreePort();
  if (port !== remembered) writeFileSync(file, `${port}\n`, { mode: 0o644 });
  return { port, chosen: port !== preferred };
}
