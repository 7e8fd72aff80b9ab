import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyIntent,
  detectCorrection,
  detectServiceQuestion,
  extractCallerName,
  extractPhoneNumber,
  matchServices,
  matchStaff,
  parseDateTime,
} from './index.js';

const SERVICES = [
  { id: 'ansatz', name: 'Ansatzfärbung', synonyms: ['Ansatz nachfärben'] },
  { id: 'damen', name: 'Damenhaarschnitt', synonyms: [] },
];
const STAFF = [{ id: 'emma', name: 'Emma Williams', aliases: ['Frau Williams'] }];
const WORDS = [
  'ja',
  'nein',
  'Emma',
  'morgen',
  'um',
  'drei',
  'null',
  'eins',
  'plus',
  'Frau',
  'Schmidt',
  ',',
  'Ansatz',
  'Färbung',
  'nicht',
  'egal',
  '0176',
  '-',
  'doppel',
  'mein',
  'Name',
  'ist',
];

describe('understanding API', () => {
  it('never throws on arbitrary text', () => {
    const all = (text: string) => {
      parseDateTime(text, { instant: '2026-11-19T09:00:00+01:00' });
      matchServices(text, SERVICES);
      matchStaff(text, STAFF);
      extractCallerName(text);
      extractPhoneNumber(text);
      const intent = classifyIntent(text);
      expect(typeof intent).toBe('string');
      detectServiceQuestion(text);
      detectCorrection(text);
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), all), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' ')),
        all,
      ),
      { numRuns: 500 },
    );
  });

  it('keeps service confidences within 0..1', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS, 'Damen', 'Haar', 'Schnitt', 'Haarschnitt'), { maxLength: 10 }), (words) => {
        for (const m of matchServices(words.join(' '), SERVICES)) {
          expect(m.confidence).toBeGreaterThan(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('returns phone numbers only in the + form libphonenumber validated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('null', 'eins', 'sieben', 'sechs', 'zwölf', 'plus', 'vier', 'neun', '0176', '12345678', 'äh'), { maxLength: 16 }),
        (words) => {
          const n = extractPhoneNumber(words.join(' '));
          if (n !== null) expect(n).toMatch(/^\+[1-9]\d{5,16}$/);
        },
      ),
    );
  });
});
