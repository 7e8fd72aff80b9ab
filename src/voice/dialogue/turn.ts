import type { Directory } from '../../booking/load-directory.js';
import type { Logger } from '../../logger.js';
import { runTool } from '../../tools/run-tool.js';
import type { ToolName } from '../../tools/schemas.js';
import type { ToolContext, LooseToolResult as ToolResult } from '../../tools/tool-context.js';
import type { SayOptions, TurnIo } from '../conversation.js';
import type { DialogueState } from './dialogue-state.js';
import { FILLER } from '../../german/speak/lines.js';

const WRITES: ReadonlySet<ToolName> = new Set(['book_appointment', 'cancel_appointment', 'reschedule_appointment']);

/**
 * One reply: what the agent says in it and the tools it runs. Speech of a superseded turn is dropped by the
 * transport; a write the turn started still finishes, and its result is kept for the next turn to announce.
 */
export class Turn {
  private readonly lines: string[] = [];
  private fillerSaid = false;

  constructor(
    readonly state: DialogueState,
    readonly directory: Directory,
    private readonly io: TurnIo,
    private readonly tools: ToolContext,
    private readonly logger: Logger,
  ) {}

  get stale(): boolean {
    return this.io.isStale();
  }

  say(text: string, options?: SayOptions): void {
    if (!text) return;
    this.lines.push(text);
    // A trailing space keeps streamed sentences apart when Retell joins the chunks.
    this.io.say(options ? text : `${text} `, options);
  }

  /** Everything said in this turn, for "wie bitte?". */
  spoken(): string {
    return this.lines.join(' ');
  }

  /**
   * Runs a tool the way Retell expects a custom LLM to: a short filler first (so the caller never waits in
   * silence), then tool_call_invocation, the tool, tool_call_result. A stale turn starts no tool (the caller
   * said more, and the newer turn decides); a write that started completes, whatever happens to the turn.
   */
  async tool(name: ToolName, args: Record<string, unknown>, filler = FILLER): Promise<ToolResult | null> {
    const write = WRITES.has(name);
    if (this.stale) return null;
    if (!this.fillerSaid) {
      this.say(filler);
      this.fillerSaid = true;
    }
    const id = `${this.tools.callId ?? 'call'}-${++this.state.toolCalls}`;
    this.io.toolCallInvocation(id, name, args);
    const started = performance.now();
    const result = await runTool(this.tools, name, args);
    this.io.toolCallResult(id, JSON.stringify(result), result.ok);
    this.logger.info({ tool: name, ok: result.ok, error: result.error ?? null, duration_ms: Math.round(performance.now() - started) }, 'tool call');
    // Superseded, or cut off by the transport's deadline: the caller never heard this result; say it next turn.
    if (write && (this.stale || this.io.signal.aborted)) this.state.announcement = result.result;
    return result;
  }
}
