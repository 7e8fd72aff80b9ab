import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { memoryIo } from './support/cli-io.js';

const io = (env: Record<string, string> = {}) => memoryIo(env);

describe('termin-agent CLI', () => {
  it('lists its commands with --help', async () => {
    const t = io();
    expect(await runCli(['--help'], t.streams)).toBe(0);
    for (const command of ['serve', 'migrate', 'seed']) expect(t.out()).toContain(command);
  });

  it('explains each command with --help', async () => {
    for (const command of ['serve', 'migrate', 'seed']) {
      const t = io();
      expect(await runCli([command, '--help'], t.streams)).toBe(0);
      expect(t.out()).toContain(`termin-agent ${command}`);
    }
  });

  it('rejects an unknown command with exit code 2', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.streams)).toBe(2);
    expect(t.err()).toContain("Unknown command 'frobnicate'");
  });

  it('exits with 1 and names the variable when the configuration is invalid', async () => {
    const t = io({ DATABASE_URL: 'mysql://nope' });
    expect(await runCli(['migrate'], t.streams)).toBe(1);
    expect(t.err()).toContain('DATABASE_URL');
  });
});
