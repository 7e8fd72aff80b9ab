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
    "okay, dann versuch ich's ein andermal, danke",
    'ach, dann lass ich das, danke trotzdem',
    "nee, lassen Sie mal, ich überleg's mir nochmal",
    'ich denk nochmal drüber nach',
    'ich frag erst meinen Mann',
    'ich komm dann einfach spontan vorbei',
    'gut ich melde mich',
    'schade, dann nicht',
    'ich probier es später nochmal',
    "dann lass ich's erstmal, danke",
    "ich probier's nächste Woche nochmal",
  ])('reads a polite ending in "%s"', (t) => {
    expect(cues(t).ending).toBe(true);
  });

  it.each([
    'ja gerne',
    'am Freitag um zehn',
    'ich rufe wegen eines Termins an',
    'ich lass mir die Haare schneiden',
    'lassen Sie mich kurz überlegen',
    'ich melde mich wegen eines Termins',
    'hallo ich bin katrin busch ich rufe an wegen eines termins',
  ])('reads no ending in "%s"', (t) => {
    expect(cues(t).ending).toBe(false);
  });

  it('tells a day said in the ending from a day wished', () => {
    expect(cues('ich ruf nächste Woche wieder an').endingNamesWhen).toBe(true);
    expect(cues('ich probier es morgen nochmal').endingNamesWhen).toBe(true);
    expect(cues('nee lieber morgen um zehn, sonst ruf ich wieder an').endingNamesWhen).toBe(false);
  });

  it.each([
    ['Nennen Sie mir einfach die ersten', true],
    ['was haben Sie denn so frei?', true],
    ['was ist noch frei', true],
    ['die ersten bitte', true],
    ['am Freitag um zehn', false],
    ['den ersten Termin im Dezember', false],
  ])('"%s" asks what is free: %s', (t, asks) => {
    expect(cues(t).asksWhatIsFree).toBe(asks);
  });

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
    expect(cues('bei Frau Köhler').unknownStaffName).toBe('Frau Köhler');
    expect(cues('bei der Emma').unknownStaffName).toBeNull();
    expect(cues('am Freitag bei Fabian').unknownStaffName).toBeNull();
  });

  it.each([
    ['am liebsten bei Mandy', 'Mandy'],
    ['bei der Frau Schulze', 'Frau Schulze'],
    ['äh bei frau schulze bitte', 'Frau Schulze'],
    ['bei Herrn Becker', 'Herr Becker'],
    ['beim herrn doktor meier', 'Herr Meier'],
    ['wieder bei Yvonne, die war letztes Mal super', 'Yvonne'],
    ['kann ich sandra sprechen', 'Sandra'],
    ['hier ist Lisa Meyer, kann ich Frau Schulze sprechen?', 'Frau Schulze'],
  ])('reads the unknown name in "%s"', (t, name) => {
    expect(cues(t).unknownStaffName).toBe(name);
  });

  it.each([
    'bei der Arbeit',
    'nach der Arbeit',
    'bei Frau Williams',
    'beim Fabian am Freitag',
    'hier ist Lisa Meyer, ich hätte gern einen Termin bei Emma',
    'mit dem Auto',
  ])('reads no unknown name in "%s"', (t) => {
    expect(cues(t).unknownStaffName).toBeNull();
  });

  it('reads a request to speak to someone', () => {
    expect(cues('Kann ich Emma kurz sprechen?').personRequest).toBe(true);
    expect(cues('ist die Emma gerade da').personRequest).toBe(true);
    expect(cues('einen Termin bei Emma').personRequest).toBe(false);
  });

  it.each([
    'Ist Oliver heute im Laden? Ich müsste mal kurz mit Oliver reden',
    'es geht nicht um einen Termin, ich muss Oliver was fragen',
    'Ich hätte gern Herrn Spitzer am Telefon',
    'geben sie mir mal die emma',
    'ich würde bitte gern frau williams sprechen',
    'verbinden sie mich mal mit dem fabian',
    'ist der fabian heute da',
  ])('reads a person request in "%s"', (t) => {
    expect(cues(t).personRequest).toBe(true);
  });

  it.each([
    'Damenhaarschnitt, ist Emma morgen da?',
    'ist Emma am Samstag im Laden',
    'ich hätte gern am Freitag einen Termin bei Fabian',
    'kann ich um zehn kommen',
  ])('reads no person request in "%s"', (t) => {
    expect(cues(t).personRequest).toBe(false);
  });

  it('reads "passt leider beides nicht" as a no, never a yes', () => {
    expect(classifyIntent('passt leider beides nicht')).toBe('no');
    expect(classifyIntent('passt gut')).toBe('yes');
  });
});
