import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { CATEGORIES, EASY_CATEGORIES } from '../bench/callers/call-plan.js';
import { planCalls } from '../bench/callers/plan-calls.js';
import { maskNumbers } from '../bench/callers/write-report.js';
import { simulateCallers } from '../bench/callers/simulate.js';
import { openTestPostgres } from './support/databases.js';

// The simulated callers in their small CI size: a few calls of the categories the agent gets right today, over
// the real WebSocket protocol against the whole service, each judged by what it left in the database.
describe('simulated callers, small', () => {
  let database: Database;
  beforeAll(() => {
    database = openTestPostgres();
  });
  afterAll(async () => {
    await database.close();
  });

  it('ends every plain, staff, composite and speech-recogniser booking call with exactly the wished appointment', async () => {
    const report = await simulateCallers({ seed: 13, calls: EASY_CATEGORIES.length * 3, categories: EASY_CATEGORIES, maxSeconds: 600, database });
    const wrong = report.results.filter((r) => !r.verdict.ok).map((r) => `#${r.plan.index} ${r.plan.category}: ${r.verdict.failures.join('; ')}`);
    expect(wrong).toEqual([]);
    expect(report.placed).toBe(EASY_CATEGORIES.length * 3);
    expect(report.byCategory.map((c) => c.calls)).toEqual(EASY_CATEGORIES.map(() => 3));
  }, 180_000);

  it('plans the same calls for the same seed and other words for another seed', () => {
    const opening = (seed: number) => planCalls(seed, CATEGORIES.length * 3, CATEGORIES).map((p) => p.script.opening.join(' / '));
    expect(opening(5)).toEqual(opening(5));
    const other = opening(6);
    expect(opening(5).filter((line, i) => line === other[i]).length).toBeLessThan(CATEGORIES.length);
    expect(new Set(opening(5)).size).toBeGreaterThan(CATEGORIES.length * 2);
  });

  it('masks phone numbers in the report, said as digits or as words, and keeps times and dates', () => {
    expect(maskNumbers('meine Nummer ist 0176 98765432, am 24.11. um 10:30 Uhr')).toBe('meine Nummer ist <Nummer>, am 24.11. um 10:30 Uhr');
    expect(maskNumbers('mit den Endziffern 5 6 7 8?')).toBe('mit den Endziffern <Nummer>?');
    expect(maskNumbers('null eins sieben sechs neun acht um zehn')).toBe('<Nummer> um zehn');
  });
});
