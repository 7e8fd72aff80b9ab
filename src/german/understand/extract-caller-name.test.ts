import { describe, expect, it } from 'vitest';
import { extractCallerName, findIntroducedName, repairCapitalisation } from './extract-caller-name.js';

describe('extractCallerName', () => {
  it.each([
    ['Schmidt', { lastName: 'Schmidt', full: 'Schmidt' }],
    ['schmidt', { lastName: 'Schmidt', full: 'Schmidt' }],
    ['Maria Schmidt', { firstName: 'Maria', lastName: 'Schmidt', full: 'Maria Schmidt' }],
    ['mein Name ist Maria Schmidt', { firstName: 'Maria', lastName: 'Schmidt', full: 'Maria Schmidt' }],
    ['Ja hallo, mein Name ist maria schmidt und ich hätte gern einen Termin', { firstName: 'Maria', lastName: 'Schmidt', full: 'Maria Schmidt' }],
    ['hier ist Frau Schmidt', { lastName: 'Schmidt', full: 'Schmidt', title: 'Frau' }],
    ['Herr Özdemir am Apparat', { lastName: 'Özdemir', full: 'Özdemir', title: 'Herr' }],
    ['ich heiße Jonas Becker', { firstName: 'Jonas', lastName: 'Becker', full: 'Jonas Becker' }],
    ['Schmidt, Maria', { firstName: 'Maria', lastName: 'Schmidt', full: 'Maria Schmidt' }],
    ['müller-lüdenscheidt', { lastName: 'Müller-Lüdenscheidt', full: 'Müller-Lüdenscheidt' }],
    ['Ursula von der Leyen', { firstName: 'Ursula', lastName: 'von der Leyen', full: 'Ursula von der Leyen' }],
    ['Meier mein Name', { lastName: 'Meier', full: 'Meier' }],
    ['Hans Müller hier', { firstName: 'Hans', lastName: 'Müller', full: 'Hans Müller' }],
    ['auf den Namen Becker bitte', { lastName: 'Becker', full: 'Becker' }],
    ['ja, Schmidt', { lastName: 'Schmidt', full: 'Schmidt' }],
    ['Petra Freitag', { firstName: 'Petra', lastName: 'Freitag', full: 'Petra Freitag' }],
    ['Anna', { firstName: 'Anna', full: 'Anna' }],
    ['Das ist Karl Weber', { firstName: 'Karl', lastName: 'Weber', full: 'Karl Weber' }],
    ['Auf Leon Zimmermann bitte', { firstName: 'Leon', lastName: 'Zimmermann', full: 'Leon Zimmermann' }],
    ['ähm auf katrin busch bitte', { firstName: 'Katrin', lastName: 'Busch', full: 'Katrin Busch' }],
    ['Maria Weber heiß ich', { firstName: 'Maria', lastName: 'Weber', full: 'Maria Weber' }],
    ['nina äh hartmann heiß ich', { firstName: 'Nina', lastName: 'Hartmann', full: 'Nina Hartmann' }],
    ['uwe also roth heiß ich', { firstName: 'Uwe', lastName: 'Roth', full: 'Uwe Roth' }],
    ['katrin äh also busch bitte', { firstName: 'Katrin', lastName: 'Busch', full: 'Katrin Busch' }],
    ['Klein, Mia Klein', { firstName: 'Mia', lastName: 'Klein', full: 'Mia Klein' }],
    ['braun tobias braun', { firstName: 'Tobias', lastName: 'Braun', full: 'Tobias Braun' }],
    ['Ja, Lisa Meyer, guten Tag', { firstName: 'Lisa', lastName: 'Meyer', full: 'Lisa Meyer' }],
    ['Hier ist die Frau Meyer', { lastName: 'Meyer', full: 'Meyer', title: 'Frau' }],
    ['ich bin der Tom', { firstName: 'Tom', full: 'Tom' }],
    ["ich bin's, die Lisa", { firstName: 'Lisa', full: 'Lisa' }],
    ['Klein mein Name, Mia Klein', { firstName: 'Mia', lastName: 'Klein', full: 'Mia Klein' }],
    ['Ursula von der Leyen hier', { firstName: 'Ursula', lastName: 'von der Leyen', full: 'Ursula von der Leyen' }],
  ])('reads "%s"', (text, name) => {
    expect(extractCallerName(text)).toEqual(name);
  });

  it.each([
    'ja',
    'hallo',
    'Guten Tag',
    'ich möchte einen Termin',
    'ja genau',
    'nein danke',
    'Freitag',
    'morgen um drei',
    '',
    'Moment bitte',
    '0176 1234',
    // A staff member wished for is not the caller's name, nor a service or a time.
    'ich wollte einen termin ausmachen für waschen und föhnen am achtundzwanzigsten um neun uhr dreißig bei herrn spitzer',
    'bitte bei der Frau Weber',
    'Ja, Herrenschnitt bitte',
    'ich bin ab drei Uhr frei',
    'Ist Sandra hier?',
  ])('finds no name in "%s"', (text) => {
    expect(extractCallerName(text)).toBeNull();
  });

  it.each([
    ['Mein Name ist Freitag', { lastName: 'Freitag', full: 'Freitag' }],
    ['hier ist Sonntag', { lastName: 'Sonntag', full: 'Sonntag' }],
    ['ich heiße März', { lastName: 'März', full: 'März' }],
    ['mein name ist petra', { firstName: 'Petra', full: 'Petra' }],
    ['Moin, hier ist Klaus Mai', { firstName: 'Klaus', lastName: 'Mai', full: 'Klaus Mai' }],
    ['Servus, hier spricht Frau Dienstag', { lastName: 'Dienstag', full: 'Dienstag', title: 'Frau' }],
  ])('takes a weekday or a month after a naming intro as the name: "%s"', (text, name) => {
    expect(extractCallerName(text)).toEqual(name);
  });

  it('repairs capitalisation of every part', () => {
    expect(repairCapitalisation('MÜLLER-LÜDENSCHEIDT')).toBe('Müller-Lüdenscheidt');
    expect(repairCapitalisation("o'neill")).toBe("O'Neill");
    expect(repairCapitalisation('van gogh')).toBe('van Gogh');
  });
});

describe('findIntroducedName', () => {
  it.each([
    ['Das ist Mia Klein, ich hätte gern einen Termin', 'Mia Klein'],
    ['Hier spricht Mia Klein', 'Mia Klein'],
    ['Ich hätte gern einen Herrenschnitt am Freitag, mein Name ist Mia Klein', 'Mia Klein'],
    ['Ich heiße Mia Klein und meine Nummer ist 0176 12345678', 'Mia Klein'],
    ['Meyer hier, ich bräuchte einen Termin', 'Meyer'],
    ['Hier ist die Frau Meyer', 'Meyer'],
    ['Schmidt mein Name, guten Tag', 'Schmidt'],
    ['Ja, Lisa Meyer, guten Tag', 'Lisa Meyer'],
    ['ja meyer guten tag ich hätte gern einen termin', 'Meyer'],
    ['Ich bin der Tom und bräuchte einen Herrenschnitt', 'Tom'],
    ['guten tag meyer am apparat', 'Meyer'],
    ['Klein, Mia Klein, ich hätte gern Waschen und Föhnen', 'Mia Klein'],
    ['Klein mein Name, Mia Klein', 'Mia Klein'],
    ['ich möchte einen Herrenhaarschnitt buchen, Donnerstag um Viertel nach drei, Jan Nowak hier', 'Jan Nowak'],
    ['kann ich am 20. November einen Herrenschnitt bekommen?, Hannah Schwarz hier', 'Hannah Schwarz'],
    ['einen termin am freitag um viertel nach drei jan nowak hier zurückrufen können sie mich unter null eins sieben sechs', 'Jan Nowak'],
    ['ich hätte gerne einen Termin, einmal Herrenschnitt, am 24. November, ich bin Nina Zimmermann', 'Nina Zimmermann'],
    ['äh also ich bin tobias braun kann ich nächste woche am freitag einen haarschnitt bekommen', 'Tobias Braun'],
    ['äh ja hallo hier spricht äh lisa meyer', 'Lisa Meyer'],
    ['hallo ich bin der jonas weber und hätte gern einen termin', 'Jonas Weber'],
    ['ja grüß gott die frau huber hier', 'Huber'],
    ['bei Herrn Spitzer am Freitag um elf, Meyer mein Name', 'Meyer'],
    ['Freitag, Petra hier... äh, Petra Freitag', 'Petra Freitag'],
    ['einmal Herrenschnitt, am 24. November um vierzehn Uhr dreißig, Zimmermann, Nina Zimmermann', 'Nina Zimmermann'],
    ['waschen und föhnen dienstag um neun uhr dreißig zimmermann leon zimmermann meine handynummer ist', 'Leon Zimmermann'],
  ])('reads the name the caller introduces in "%s"', (text, full) => {
    expect(findIntroducedName(text)?.full).toBe(full);
  });

  it.each([
    'Schmidt',
    'ich bin neu hier',
    'ich bin am Freitag verhindert',
    'ich bin flexibel',
    'ich bin mir nicht sicher',
    'ich bin schon Kundin bei Ihnen',
    'ich bin die Mutter von Lena',
    'das ist mir egal',
    'das ist schade',
    'das ist doch die Emma, oder?',
    'ja das ist gut',
    'Ist Sandra hier?',
    'Arbeitet Kevin hier?',
    'ich war schon mal hier',
    'hier ist es so laut',
    'waschen und föhnen bei herrn spitzer',
    'ich wollte einen termin ausmachen für waschen und föhnen am achtundzwanzigsten bei herrn spitzer',
    'Ich rufe für Frau Weber an',
    'Herrn Becker, bitte',
    'Ja, Freitag, guten Tag',
    'Hallo, diesmal für mich selbst: einmal Waschen und Föhnen',
    'Ich bin bei Herrn Spitzer Kundin',
  ])('finds no introduced name in "%s"', (text) => {
    expect(findIntroducedName(text)).toBeNull();
  });
});
