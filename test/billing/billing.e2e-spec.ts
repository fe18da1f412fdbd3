import { expectMatchesContract } from '../support/contract.js';
import { addMember, otherOrganization } from '../support/fixtures.js';
import { useServer } from '../support/use-server.js';
import { tarball } from '../scanning/archives.js';
import { newRepository } from '../scanning/repositories.js';

/**
 * Usage metering and GET /billing/summary (seed 004): scans meter themselves when they settle, and
 * the summary prices the period's usage from BILLING_PRICES, in SQL, as exact decimal strings.
 */
const PRICES = { scan: '0.25', 'scan.bytes': '0.001', 'scan.scanner_seconds': '0.5' };
const t = useServer({ BILLING_PRICES: JSON.stringify(PRICES), BILLING_CURRENCY: 'EUR' });

type Json = Record<string, any>;

const SARIF = {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'secretlint' } },
      results: [
        {
          ruleId: 'aws-key',
          level: 'error',
          message: { text: 'An AWS key' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'config.js' }, region: { startLine: 1 } } }],
        },
      ],
    },
  ],
};

/** A repository with a source of known size; answers its id and the snapshot's totalBytes. */
async function repository(token?: string): Promise<{ id: string; totalBytes: number }> {
  const repo = await newRepository(t.http, { token, project: 'Billed' });
  const archive = await tarball([
    { name: 'config.js', content: 'const key = "AKIA…";\n' },
    { name: 'README.md', content: '# billed\n'.repeat(20) },
  ]);
  const uploaded = (
    await t.http
      .put('/api/v1/repositories/{id}/source', {
        params: { id: repo.id },
        rawBody: archive,
        headers: { 'content-type': 'application/gzip' },
        token,
      })
      .expect(200)
  ).data;
  return { id: repo.id, totalBytes: uploaded.snapshot.totalBytes };
}

const importScan = async (repositoryId: string, token?: string): Promise<Json> =>
  (await t.http.post('/api/v1/repositories/{id}/scans', { params: { id: repositoryId }, body: { sarif: SARIF }, token }).expect(201)).data;

const summary = async (query = '', token?: string): Promise<Json> =>
  (await t.http.get('/api/v1/billing/summary', { query, token }).expect(200)).data;

const line = (s: Json, meter: string) => s.lines.find((l: Json) => l.meter === meter);

/** quantity × price, rounded to 4 decimals, in integer arithmetic (no float ever prices anything). */
function cost(quantity: bigint, price: string): string {
  const [whole, fraction = ''] = price.split('.');
  const scale = fraction.length;
  const scaled = quantity * BigInt(whole + fraction); // in units of 10^-scale
  const divisor = 10n ** BigInt(Math.max(0, scale - 4));
  const rounded = scale >= 4 ? (scaled + divisor / 2n) / divisor : scaled * 10n ** BigInt(4 - scale);
  const text = rounded.toString().padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

let repo: { id: string; totalBytes: number };
const scans: Json[] = [];

beforeAll(async () => {
  repo = await repository();
  scans.push(await importScan(repo.id), await importScan(repo.id));
  // Queued, then cancelled before any agent started it: it ran nothing and is not metered.
  const queued = (await t.http.post('/api/v1/repositories/{id}/scans', { params: { id: repo.id }, body: {} }).expect(201)).data;
  await t.http.delete('/api/v1/repositories/{id}/scans/{scanId}', { params: { id: repo.id, scanId: queued.id } }).expect(200);
}, 60_000);

describe('GET /billing/summary', () => {
  test('counts the scans that ran this month, priced from BILLING_PRICES in SQL numeric, as decimal strings', async () => {
    const s = await summary();
    const now = new Date();
    expect(s.period).toEqual({
      from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
      to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    });
    expect(s.currency).toBe('EUR');
    expect(s.lines.map((l: Json) => l.meter)).toEqual(['scan', 'scan.bytes', 'scan.scanner_seconds']);
    expect(line(s, 'scan')).toEqual({ meter: 'scan', unit: 'scan', quantity: '2', unitPrice: '0.25', cost: '0.5000' });
    const bytes = BigInt(repo.totalBytes) * 2n;
    expect(line(s, 'scan.bytes')).toEqual({
      meter: 'scan.bytes',
      unit: 'byte',
      quantity: String(bytes),
      unitPrice: '0.001',
      cost: cost(bytes, PRICES['scan.bytes']),
    });
    // An import runs no scanner: its running time is the moment it took.
    const seconds = scans.reduce((sum, scan) => sum + BigInt(scan.scannerSeconds), 0n);
    expect(line(s, 'scan.scanner_seconds')).toEqual({
      meter: 'scan.scanner_seconds',
      unit: 'second',
      quantity: String(seconds),
      unitPrice: '0.5',
      cost: cost(seconds, PRICES['scan.scanner_seconds']),
    });
    const total = [cost(2n, PRICES.scan), cost(bytes, PRICES['scan.bytes']), cost(seconds, PRICES['scan.scanner_seconds'])]
      .map((c) => BigInt(c.replace('.', '')))
      .reduce((a, b) => a + b);
    expect(s.total).toBe(cost(total, '0.0001'));
    expect(typeof s.total).toBe('string');
  });

  test('each scan is metered once per meter, in the transaction that settled it; the cancelled one never ran', async () => {
    const rows = await t.sql<{ resource_id: string; meter: string; quantity: string }>(
      `SELECT resource_id, meter, quantity::text FROM usage_records WHERE organization_id = $1 ORDER BY resource_id, meter`,
      [t.organizationId],
    );
    expect(rows.map((r) => r.resource_id).sort()).toEqual(
      [...scans.map((s) => s.id), ...scans.map((s) => s.id), ...scans.map((s) => s.id)].sort(),
    );
    expect(rows.filter((r) => r.meter === 'scan').map((r) => Number(r.quantity))).toEqual([1, 1]);
  });

  test('byDay=true adds the usage by UTC day; the trailing-slash seed path answers the same', async () => {
    const s = await summary('byDay=true');
    const today = new Date().toISOString().slice(0, 10);
    expect(s.byDay).toEqual(expect.arrayContaining([{ date: today, meter: 'scan', quantity: '2', cost: '0.5000' }]));
    const res = await fetch(`${t.baseUrl}/api/v1/billing/summary/`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(line(body.data, 'scan').quantity).toBe('2');
  });

  test('a period with no usage lists the priced meters at zero', async () => {
    const s = await summary('from=2020-01-01&to=2020-02-01');
    expect(s.period).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
    expect(s.lines).toEqual([
      { meter: 'scan', unit: 'scan', quantity: '0', unitPrice: '0.25', cost: '0.0000' },
      { meter: 'scan.bytes', unit: 'byte', quantity: '0', unitPrice: '0.001', cost: '0.0000' },
      { meter: 'scan.scanner_seconds', unit: 'second', quantity: '0', unitPrice: '0.5', cost: '0.0000' },
    ]);
    expect(s.total).toBe('0.0000');
    // Only `from`: to the start of the next month.
    expect((await summary('from=2020-03-10T00:00:00Z')).period).toEqual({
      from: '2020-03-10T00:00:00.000Z',
      to: '2020-04-01T00:00:00.000Z',
    });
  });

  test("another organization's usage is its own", async () => {
    const other = await otherOrganization(t, t.token);
    const theirs = await repository(other.owner.accessToken);
    await importScan(theirs.id, other.owner.accessToken);
    expect(line(await summary('', other.owner.accessToken), 'scan').quantity).toBe('1');
    expect(line(await summary(), 'scan').quantity).toBe('2');
  });

  test('billing.read is needed: a viewer is 403, the billing role reads it', async () => {
    const viewer = await addMember(t, t.token, ['viewer']);
    await t.http.get('/api/v1/billing/summary', { token: viewer.accessToken }).expect(403, 'FORBIDDEN');
    const billing = await addMember(t, t.token, ['billing']);
    expect(line(await summary('', billing.accessToken), 'scan').quantity).toBe('2');
  });

  test('a bad period is 400 VALIDATION_FAILED naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['from=2026-01-01&to=2026-01-01', 'to'],
      ['from=2024-01-01&to=2025-06-01', 'to'],
      ['from=yesterday', 'from'],
      ['byDay=maybe', 'byDay'],
    ]) {
      const body = await t.http.get('/api/v1/billing/summary', { query }).expect(400, 'VALIDATION_FAILED');
      expect(body.error.validationErrors).toEqual([expect.objectContaining({ field })]);
    }
  });

  test('the answer matches the contract', async () => {
    const res = await t.http.get('/api/v1/billing/summary', { query: 'byDay=true' }).expectResponse(200);
    expectMatchesContract('GET', '/api/v1/billing/summary', 200, res.body);
  });
});
