import { describe, expect, it } from 'vitest';
import { detectCorrection, readCorrection } from './detect-correction.js';

const REF = { instant: '2026-11-19T09:00:00+01:00' };

describe('detectCorrection', () => {
  it.each([
    'nein, lieber Donnerstag',
    'doch lieber um vier',
    'nicht Dienstag sondern Mittwoch',
    'ach nee, Freitag',
    'Dienstag, lieber Mittwoch',
    'nein, bei Oliver',
    'ich meinte halb vier',
    'Quatsch, ich meine Samstag',
    'nee, am Montag',
    'Mittwoch statt Dienstag',
    'Moment, doch halb fünf',
    'oh halt freitag wäre besser',
    'stopp, um elf',
    'äh doch um zehn',
  ])('treats "%s" as a correction', (text) => {
    expect(detectCorrection(text)).toBe(true);
  });

  it.each([
    'nein danke',
    'nein',
    'ja gerne',
    'lieber nicht',
    'Nein, das passt nicht',
    'Donnerstag um drei',
    'ich möchte lieber einen Termin bei Emma',
    'Moment, ich schau mal in den Kalender',
    'ja doch, um elf passt',
  ])('does not treat "%s" as a correction', (text) => {
    expect(detectCorrection(text)).toBe(false);
  });
});

describe('readCorrection', () => {
  it('names only the facts to replace: a new day keeps the agreed time', () => {
    expect(readCorrection('nein, lieber Donnerstag', REF).replaces).toEqual({ date: '2026-11-26' });
    expect(readCorrection('doch lieber um vier', REF).replaces).toEqual({ time: '16:00' });
    expect(readCorrection('nicht Dienstag sondern Mittwoch', REF).replaces).toEqual({ date: '2026-11-25' });
    expect(readCorrection('ach nee, eher nachmittags', REF)).toMatchObject({ isCorrection: true, replaces: { partOfDay: 'nachmittags' } });
  });
});
