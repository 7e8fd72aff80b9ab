import type { RetellTestClient } from '../../test/support/retell-client.js';
import { readToolResult } from './typed-results.js';

/** A tool the agent ran, with its structured result (the JSON the server sent as content). */
export interface ToolOutcome {
  name: string;
  arguments: string;
  result: Record<string, unknown> | null;
  successful: boolean | undefined;
}

/**
 * Reads the tool frames of one socket in order, each once. A result can arrive after the response it belongs
 * to was completed (a turn cut off by the server's deadline finishes its write later), so frames are read from
 * where the last read stopped, not from where the current request started.
 */
export class ToolFrameReader {
  private next = 0;
  private readonly invocations = new Map<string, { name: string; arguments: string }>();

  constructor(private readonly client: RetellTestClient) {}

  /** Tool results received since the last call. */
  read(): ToolOutcome[] {
    const out: ToolOutcome[] = [];
    for (; this.next < this.client.received.length; this.next++) {
      const { frame } = this.client.received[this.next]!;
      if (frame.response_type === 'tool_call_invocation') this.invocations.set(frame.tool_call_id, { name: frame.name, arguments: frame.arguments });
      if (frame.response_type === 'tool_call_result') {
        const invocation = this.invocations.get(frame.tool_call_id);
        const name = invocation?.name ?? 'unknown';
        const parsed = parseObject(frame.content);
        out.push({ name, arguments: invocation?.arguments ?? '', result: parsed && readToolResult(name, parsed), successful: frame.successful });
      }
    }
    return out;
  }
}

function parseObject(content: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
