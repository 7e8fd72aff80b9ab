import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * How to reach the process that holds an embedded database: its loopback control port and a secret, in a file
 * beside the database that only the owner can read (0600). Whoever can read it can read the database files
 * too, so the secret grants nothing the file system did not already grant; other users on the machine, who can
 * reach a loopback port but not the file, are refused.
 */
export const ControlFile = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  secret: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ControlFile = z.infer<typeof ControlFile>;

const FILE_NAME = 'control.json';

export function controlFilePath(dataDir: string): string {
  return join(dataDir, FILE_NAME);
}

/** A fresh control secret: 256 random bits, hex. */
export function generateControlSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Writes the control file whole or not at all: a reader never sees half a file. The temporary file is created
 * 0600 (never readable by others, not even for a moment) and renamed over an older one left by a crashed run.
 */
export function writeControlFile(dataDir: string, content: ControlFile): { remove(): void } {
  const path = controlFilePath(dataDir);
  const temporary = `${path}.${content.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
  renameSync(temporary, path);
  return {
    remove() {
      // Only our own: a service started after us in the same folder (once we let go of the lock) keeps its file.
      if (readControlFile(dataDir)?.pid === content.pid) rmSync(path, { force: true });
    },
  };
}

/** The control file of the folder, or null when there is none (or it is not one). */
export function readControlFile(dataDir: string): ControlFile | null {
  let text: string;
  try {
    text = readFileSync(controlFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = ControlFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
