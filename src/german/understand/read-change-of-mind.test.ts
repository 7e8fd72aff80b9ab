import { describe, expect, it } from 'vitest';
import { asksForOwnAppointments } from './detect-appointment-query.js';
import { mentionsOtherPerson, saysSomeNumber } from './detect-other-person.js';
import { readChangeOfMind } from './read-change-of-mind.js';

describe('readChangeOfMind', () => {
  it.each([
    ['nein, doch lieber Donnerstag', { rejects: true, givesUp: false, another: false }],
    ['oh das passt doch nicht', { rejects: true, another: false }],
    ['Moment mal, Mittwoch geht doch nicht', { rejects: true }],
    ['dann lassen wir das', { givesUp: true }],
    ['vergessen Sie es', { givesUp: true }],
    ['ich ruf wieder an', { givesUp: true }],
    ['und noch einen Termin für meine Tochter', { another: true }],
    ['nein danke', { rejects: false, givesUp: false, another: false }],
    ['nein', { rejects: false, givesUp: false }],
    ['nein danke, das passt so', { rejects: false }],
  ])('reads "%s"', (text, expected) => {
    expect(readChangeOfMind(text)).toMatchObject(expected);
  });

  it.each([
    ['lieber eine Stunde später', 60],
    ['eine halbe Stunde früher', -30],
    ['zwei stunden später', 120],
    ['anderthalb Stunden später', 90],
    ['eine Viertelstunde eher', -15],
    ['zwanzig Minuten später', 20],
    ['lieber etwas später', null],
  ])('reads the shift in "%s"', (text, minutes) => {
    expect(readChangeOfMind(text).shiftMinutes).toBe(minutes);
  });
});

describe('mentionsOtherPerson', () => {
  it.each([
    'der Termin von meiner Frau',
    'für meinen Mann absagen',
    'den termin meiner tochter',
    'von Frau Schneider',
    'seinen Termin verschieben',
    'der läuft unter einer anderen Nummer',
  ])('hears someone else in "%s"', (text) => {
    expect(mentionsOtherPerson(text)).toBe(true);
  });
  it.each(['Ich möchte meinen Termin absagen', 'Hier ist Frau Schneider, ich möchte absagen', 'den am Dienstag bitte'])(
    'hears the caller themselves in "%s"',
    (text) => {
      expect(mentionsOtherPerson(text)).toBe(false);
    },
  );
  it('hears a number being said even where it cannot be read whole', () => {
    expect(saysSomeNumber('der läuft unter null eins fünf zwei, zwei zwei zwei, drei')).toBe(true);
    expect(saysSomeNumber('den am Dienstag um zehn')).toBe(false);
  });
});

describe('asksForOwnAppointments', () => {
  it.each([
    'Wann ist mein Termin?',
    'hab ich noch einen termin bei ihnen',
    'Bin ich für Samstag eingetragen?',
    'um wie viel uhr soll ich kommen',
    'Können Sie mir sagen, wann ich bei Ihnen dran bin?',
    'hab ich nächste Woche was bei Ihnen?',
    'wann war nochmal mein Termin',
    'ich weiß nicht mehr, wann ich komme',
    'können Sie mal schauen, ob ich einen Termin habe',
    'ich würde gern wissen, wann mein Termin ist',
    'äh hab ich bei euch noch n termin',
    'um wie viel uhr war mein termin noch',
    'ob für mich noch ein termin eingetragen ist',
  ])('hears a question in "%s"', (text) => {
    expect(asksForOwnAppointments(text)).toBe(true);
  });
  it.each([
    'Wann hätten Sie einen Termin frei?',
    'Ich möchte einen Termin machen',
    'Wann haben Sie geöffnet?',
    'sagen Sie mir, wann ich kommen kann',
    'wann könnte ich einen Termin bekommen',
    'ich möchte meinen Termin absagen',
  ])('hears no question about booked appointments in "%s"', (text) => {
    expect(asksForOwnAppointments(text)).toBe(false);
  });
});
