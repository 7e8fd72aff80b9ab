import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { controlFilePath, ControlFile } from '../src/db/control-file.js';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { memoryIo } from './support/cli-io.js';
import { runCliProcess, startServiceProcess, type ServiceProcess } from './support/service-process.js';

/**
 * The embedded database opens in one process only. While `npm start` runs, the CLI creates and revokes tokens
 * through the running service, and a revoked token is refused with the very next request.
 */
describe('tokens while the service runs on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'termin-tokens-'));
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false' };
  let service: ServiceProcess;
  let salon: TestBusiness;

  beforeAll(async () => {
    // A business of the test's own in the folder, written before the service takes it over.
    const database = await createPgliteDatabase(join(dataDir, 'pglite'));
    await database.migrate();
    salon = await createTestSalon(database.db);
    await database.close();
    service = await startServiceProcess(env);
  });
  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, token: string) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('creates a token with the CLI beside the running service, and refuses it with the next request once the CLI revoked it', async () => {
    const created = await runCliProcess(['token', 'create', '--role', 'admin', '--business', salon.definition.slug, '--label', 'Tresen'], env);
    expect(created.stderr).toContain(`asking the running service, pid ${service.pid}`);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ta_[A-Za-z0-9_-]{43}$/);
    expect((await get('/api/staff', token)).status).toBe(200);

    const listed = await runCliProcess(['token', 'list'], env);
    expect(listed.code).toBe(0);
    const id = /^(\S+)\s+\S+\s+admin\s+-\s+Tresen/m.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    expect(listed.stdout).not.toContain(token);

    const revoked = await runCliProcess(['token', 'revoke', id!], env);
    expect(revoked).toMatchObject({ code: 0, stdout: `token ${id} revoked\n` });
    const refused = await get('/api/staff', token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: 'unauthorized', message: 'Invalid or revoked token.' } });
  });

  it('creates and revokes a staff token through the API, refused at once after the revocation', async () => {
    const admin = (await runCliProcess(['token', 'create', '--role', 'admin', '--business', salon.definition.slug], env)).stdout.trim();
    const res = await send('POST', '/api/tokens', admin, { role: 'staff', staffId: salon.staff.emma, label: 'Emma Handy' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string };
    expect((await get('/api/appointments', created.token)).status).toBe(200);
    expect((await send('DELETE', `/api/tokens/${created.id}`, admin)).status).toBe(200);
    expect((await get('/api/appointments', created.token)).status).toBe(401);
  });

  it('prints the business’s agent prompt beside the running service', async () => {
    const io = memoryIo(env);
    expect(await runCli(['prompt', salon.definition.slug], io.streams)).toBe(0);
    expect(io.out()).toContain(`Du nimmst die Anrufe für ${salon.definition.name} entgegen`);
  });

  it('keeps the control channel to the owner: a 0600 file, and a refusal without its secret', async () => {
    expect(statSync(controlFilePath(dataDir)).mode & 0o777).toBe(0o600);
    const file = ControlFile.parse(JSON.parse(readFileSync(controlFilePath(dataDir), 'utf8')));
    expect(file.pid).toBe(service.pid);
    const body = JSON.stringify({ op: 'list', business: null });
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(`http://127.0.0.1:${file.port}/control/tokens`, { method: 'POST', body, headers })).status).toBe(401);
    const wrong = { ...headers, authorization: `Bearer ${'0'.repeat(64)}` };
    expect((await fetch(`http://127.0.0.1:${file.port}/control/tokens`, { method: 'POST', body, headers: wrong })).status).toBe(401);
    // Not served on the public port.
    expect(
      (await fetch(`${service.url}/control/tokens`, { method: 'POST', body, headers: { ...headers, authorization: `Bearer ${file.secret}` } })).status,
    ).toBe(404);
  });

  it('opens the database itself once the service has stopped, and the service took its control file away', async () => {
    await service.stop();
    expect(() => statSync(controlFilePath(dataDir))).toThrow();
    const listed = await runCliProcess(['token', 'list', '--business', salon.definition.slug], env);
    expect(listed.code).toBe(0);
    expect(listed.stderr).not.toContain('asking the running service');
    expect(listed.stdout.trim().split('\n')).toHaveLength(4);
  });
});
