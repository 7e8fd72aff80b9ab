import { describe, expect, it } from 'vitest';
import { classifyIntent } from './classify-intent.js';
import { readBookingCues } from './read-booking-cues.js';

const STAFF = [
  { name: 'Emma Williams', aliases: ['Emma'] },
  { name: 'Fabian Spitzer', aliases: ['Fabian'] },
];
const cues = (text: string) => readBookingCues(text, STAFF);

describe('readBookingCues', () => {
  it.each([
    'passt leider beides nicht, ich ruf wieder an',
    'dann eben nicht, trotzdem danke',
    "ich überleg's mir nochmal",
    'gut, dann melde ich mich wieder',
    'hat sich erledigt',
  ])('reads a polite ending in "%s"', (t) => {
    expect(cues(t).ending).toBe(true);
  });

  it.each(['ja gerne', 'am Freitag um zehn', 'ich rufe wegen eines Termins an', 'hallo ich bin katrin busch ich rufe an wegen eines termins'])(
    'reads no ending in "%s"',
    (t) => {
      expect(cues(t).ending).toBe(false);
    },
  );

  it.each([
    ['eine Stunde später', { minutes: 60, days: 0 }],
    ['geht das auch eine halbe Stunde früher', { minutes: -30, days: 0 }],
    ['zwei stunden später', { minutes: 120, days: 0 }],
    ["geht's auch etwas später?", { minutes: 60, days: 0 }],
    ['den Tag danach', { minutes: 0, days: 1 }],
    ['einen Tag früher', { minutes: 0, days: -1 }],
  ])('reads the shift in "%s"', (t, shift) => {
    expect(cues(t).shift).toEqual(shift);
  });

  it('reads a week without a day, and a week with one', () => {
    expect(cues('nächste Woche').weekOnly).toBe(true);
    expect(cues('nächste Woche Dienstag').weekOnly).toBe(false);
    expect(cues('nächste Woche am 24.').weekOnly).toBe(false);
  });

  it.each([
    ['Hier ist Lisa Meyer, ich hätte gern einen Termin', 'Lisa Meyer'],
    ['ja guten tag hier ist äh müller', 'Müller'],
    ['Moin, Schulz am Apparat', 'Schulz'],
    ['mein Name ist Petra Freitag', 'Petra Freitag'],
    ['Sophie Becker hier, ich rufe an wegen eines Termins', 'Sophie Becker'],
    ['Ich bin Karl Weber, ich wollte einen Termin ausmachen', 'Karl Weber'],
    ['äh also ich bin katrin busch ich rufe an wegen eines termins', 'Katrin Busch'],
  ])('reads the introduced name in "%s"', (t, name) => {
    expect(cues(t).introducedName).toBe(name);
  });

  it.each([
    'Schmidt',
    'nächste Woche',
    'hier ist nächste Woche noch was frei?',
    'ich bin am Freitag verhindert',
    // A staff member named first asks about them.
    'Emma Williams, hat die am Freitag Zeit?',
    'bei Herrn Spitzer bitte',
  ])('reads no introduced name in "%s"', (t) => {
    expect(cues(t).introducedName).toBeNull();
  });

  it('tells an unknown staff name from a known one', () => {
    expect(cues('bei der Sandra').unknownStaffName).toBe('Sandra');
    expect(cues('bei Frau Köhler').unknownStaffName).toBe('Köhler');
    expect(cues('bei der Emma').unknownStaffName).toBeNull();
    expect(cues('am Freitag bei Fabian').unknownStaffName).toBeNull();
  });

  it('reads a request to speak to someone', () => {
    expect(cues('Kann ich Emma kurz sprechen?').personRequest).toBe(true);
    expect(cues('ist die Emma gerade da').personRequest).toBe(true);
    expect(cues('einen Termin bei Emma').personRequest).toBe(false);
  });

  it('reads "passt leider beides nicht" as a no, never a yes', () => {
    expect(classifyIntent('passt leider beides nicht')).toBe('no');
    expect(classifyIntent('passt gut')).toBe('yes');
  });
});
