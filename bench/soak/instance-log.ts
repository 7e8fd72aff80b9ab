/** Level names of pino's numeric levels. */
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const TAIL = 40;

/**
 * What a server instance wrote: its JSON log lines counted by level and message (the figures the report shows),
 * and the last lines verbatim for a startup failure. Instances never log transcripts or phone numbers, so
 * nothing here needs masking.
 */
export class InstanceLog {
  readonly counts = new Map<string, number>();
  private readonly tail: string[] = [];
  private partial = '';

  write(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  lastLines(): string {
    return [...this.tail, this.partial].filter(Boolean).join('\n');
  }

  private line(line: string): void {
    if (line.trim() === '') return;
    this.tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (this.tail.length > TAIL) this.tail.shift();
    let key = 'unstructured output';
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && 'level' in parsed) {
        const { level, msg, reason } = parsed as { level: unknown; msg?: unknown; reason?: unknown };
        key = `${typeof level === 'number' ? (LEVELS[level] ?? String(level)) : String(level)}: ${typeof msg === 'string' ? msg : '(no message)'}`;
        if (typeof reason === 'string') key += ` (${reason})`;
      }
    } catch {
      // Not JSON: a stack trace or a message from the runtime.
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
