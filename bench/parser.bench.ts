/**
 * Speed of the caller-text understanding layer on a mix of realistic sentences. The dialogue runs
 * it on every caller turn, inside the agent's response latency budget.
 */
import { measure, type BenchResult } from './lib/measure.js';
import { CALLER_SENTENCES } from '../src/german/understand/fixtures/caller-sentences.js';
import { classifyIntent, extractCallerName, extractPhoneNumber, matchServices, matchStaff, parseDateTime } from '../src/german/understand/index.js';
import { DEMO_SERVICES, DEMO_STAFF } from '../src/cli/parse.js';

const REF = { instant: '2026-11-19T09:00:00+01:00', zone: 'Europe/Berlin' };

/** About a hundred sentences, spread evenly over every topic of the caller-sentence table. */
function sampleSentences(count: number): string[] {
  const step = Math.max(1, Math.floor(CALLER_SENTENCES.length / count));
  const out: string[] = [];
  for (let i = 0; i < CALLER_SENTENCES.length && out.length < count; i += step) out.push(CALLER_SENTENCES[i]!.text);
  return out;
}

/** Measures the parser alone and the full understanding pass per caller sentence. */
export async function run(): Promise<BenchResult[]> {
  const sentences = sampleSentences(100);
  const at = (i: number) => sentences[((i % sentences.length) + sentences.length) % sentences.length]!;
  return [
    await measure('parseDateTime, one caller sentence', (i) => parseDateTime(at(i), REF), {
      iterations: 20_000,
      warmup: 2_000,
      target: 'p50 < 0.3 ms',
    }),
    await measure(
      'full understanding pass (time, services, staff, name, phone, intent)',
      (i) => {
        const text = at(i);
        parseDateTime(text, REF);
        matchServices(text, DEMO_SERVICES);
        matchStaff(text, DEMO_STAFF);
        extractCallerName(text);
        extractPhoneNumber(text);
        return classifyIntent(text);
      },
      { iterations: 10_000, warmup: 1_000, target: 'p50 < 1 ms' },
    ),
  ];
}
