import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { DataDirInUseError } from '../src/db/data-dir-lock.js';
import { memoryIo } from './support/cli-io.js';

/** The embedded database belongs to one process: the CLI beside a running service must be refused, not corrupt it. */
describe('the embedded database folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'termin-lock-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second opening while the first is open, and opens again once it is closed', async () => {
    const dir = join(root, 'twice');
    const first = await createPgliteDatabase(dir);
    await expect(createPgliteDatabase(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await first.close();
    const again = await createPgliteDatabase(dir);
    await again.migrate();
    await again.close();
  });

  it('makes a CLI command beside a live holder exit 1 with a message naming the way out, writing nothing', async () => {
    const dataDir = join(root, 'cli');
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(dataDir, 'pglite'), { recursive: true });
      writeFileSync(join(dataDir, 'pglite.lock'), String(holder.pid));
      const io = memoryIo({ DATA_DIR: dataDir });
      expect(await runCli(['migrate'], io.streams)).toBe(1);
      expect(io.err()).toContain(`is open in another process (pid ${holder.pid})`);
      expect(io.err()).toContain('DATABASE_URL');
      expect(io.out()).toBe('');
      // A token command would ask a running service, but this holder offers no control channel.
      const token = memoryIo({ DATA_DIR: dataDir });
      expect(await runCli(['token', 'create', '--role', 'admin'], token.streams)).toBe(1);
      expect(token.err()).toContain(`is open in another process (pid ${holder.pid}) that offers no control channel`);
      expect(token.err().trim().split('\n')).toHaveLength(1);
      expect(token.out()).toBe('');
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dir = join(root, 'stale');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}.lock`, String(gone.pid));
    const database = await createPgliteDatabase(dir);
    expect(await database.ping()).toBe(true);
    await database.close();
  });
});
