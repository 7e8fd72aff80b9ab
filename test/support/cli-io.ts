import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

/** In-memory streams for running a CLI command in a test, with what it printed. */
export function memoryIo(env: Record<string, string | undefined> = {}, stdin: NodeJS.ReadableStream = new PassThrough()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const streams: CliIo = { stdin, stdout, stderr, env };
  return { streams, out: () => out, err: () => err };
}
