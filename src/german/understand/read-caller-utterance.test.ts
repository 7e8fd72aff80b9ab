import { describe, expect, it } from 'vitest';
import { readCallerUtterance } from './read-caller-utterance.js';

const REF = { instant: '2026-11-19T09:00:00+01:00', zone: 'Europe/Berlin' };
const CATALOGUE = {
  services: [
    { id: 'herren', name: 'Herrenhaarschnitt', synonyms: ['Herrenschnitt'] },
    { id: 'damen', name: 'Damenhaarschnitt', synonyms: ['Damenschnitt'] },
    { id: 'ansatz', name: 'Ansatzfärbung', synonyms: [] },
  ],
  staff: [{ id: 'emma', name: 'Emma Williams', aliases: ['Frau Williams'] }],
};
const read = (text: string) => readCallerUtterance(text, CATALOGUE, REF);

describe('readCallerUtterance: an ordinal picks an offer only when it is not part of something else', () => {
  it.each([
    ['noch einen zweiten Termin, Herrenschnitt am Samstag um elf', '2026-11-21', '11:00'],
    ['ich hätte gern noch einen zweiten termin am samstag um elf', '2026-11-21', '11:00'],
    ['einen zweiten Termin für meinen Sohn, Freitag um drei', '2026-11-20', '15:00'],
    ['am zweiten Dezember um halb fünf', '2026-12-02', '16:30'],
    ['den dritten Dezember bitte', '2026-12-03', null],
    ['am ersten Samstag im Dezember', '2026-12-05', null],
    ['am letzten Freitag im Monat', '2026-11-27', null],
    ['am zweiten Weihnachtsfeiertag', '2026-12-26', null],
    ['am ersten um zehn', '2026-12-01', '10:00'],
    ['es ist das erste Mal bei Ihnen, geht Dienstag?', '2026-11-24', null],
    ['den ersten freien Termin bitte', null, null],
  ])('reads "%s" as a wish for %s %s, not as a pick', (text, date, time) => {
    const u = read(text);
    expect(u.pick).toBeNull();
    expect(u.hasWhen).toBe(true);
    expect(u.when).toMatchObject({ date, time });
  });

  it.each([
    ['den zweiten bitte', 1],
    ['Den Ersten, bitte.', 0],
    ['die dritte nehme ich', 2],
    ['der letzte passt', -1],
    ['ja den zweiten', 1],
    ['äh das erste', 0],
    ['lieber den letzten', -1],
  ])('reads "%s" as a pick of offer %i without a day of the month', (text, pick) => {
    const u = read(text);
    expect(u.pick).toBe(pick);
    expect(u.when.date).toBeNull();
    expect(u.hasWhen).toBe(false);
  });

  it('keeps a day said with a pick: "den zweiten, am Freitag"', () => {
    expect(read('den zweiten, am Freitag')).toMatchObject({ pick: 1, hasWhen: true, when: { date: '2026-11-20' } });
  });
});

describe('readCallerUtterance: one reading of everything a sentence says', () => {
  it('reads service, day, time and intent together', () => {
    const u = read('ja hallo, ich bräuchte nen Herrenschnitt am Dienstach so um drei');
    expect(u).toMatchObject({ serviceIds: ['herren'], hasWhen: true, when: { date: '2026-11-24', time: '15:00' }, intent: 'book' });
  });

  it.each([
    'Moin, ich hätte gern nen Termin',
    'Servus, ich bräuchte einen Termin',
    'Grüß Gott, ich möchte einen Termin machen',
    'Guten Tach, ich hätte gern einen Termin',
  ])('keeps a greeting from breaking the intent or inventing a day: "%s"', (text) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.hasWhen).toBe(false);
  });

  it('reports a week as a stretch of days and no day, and counts it as a wish about when', () => {
    const u = read('nächste Woche irgendwann');
    expect(u.when.date).toBeNull();
    expect(u.when.period).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(u.hasWhen).toBe(true);
  });

  it('takes a surname that is a weekday as a name, not a day', () => {
    const u = read('Hier ist Petra Freitag, ich hätte gern einen Damenschnitt');
    expect(u.when.date).toBeNull();
    expect(u.name?.full).toBe('Petra Freitag');
    expect(u.serviceIds).toEqual(['damen']);
  });

  it("marks Retell's unintelligible audio and empty turns", () => {
    expect(read('(unintelligible audio)').unintelligible).toBe(true);
    expect(read('  ').unintelligible).toBe(true);
    expect(read('morgen').unintelligible).toBe(false);
  });
});

describe('readCallerUtterance: the caller’s own name is no staff preference', () => {
  it('reads "Hier ist Emma Schmidt, bei Fabian" as a wish for Fabian only', () => {
    const staff = [...CATALOGUE.staff, { id: 'fabian', name: 'Fabian Spitzer', aliases: [] }];
    expect(readCallerUtterance('Hier ist Emma Schmidt, einen Termin bei Fabian bitte', { ...CATALOGUE, staff }, REF).staff).toEqual({
      kind: 'named',
      staffIds: ['fabian'],
    });
    expect(read('Hier ist Emma Schmidt, gern bei Emma').staff).toEqual({ kind: 'named', staffIds: ['emma'] });
  });
});
