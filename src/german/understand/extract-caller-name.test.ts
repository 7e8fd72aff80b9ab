import { describe, expect, it } from 'vitest';
import { extractCallerName, repairCapitalisation } from './extract-caller-name.js';

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
  ])('reads "%s"', (text, name) => {
    expect(extractCallerName(text)).toEqual(name);
  });

  it.each(['ja', 'hallo', 'Guten Tag', 'ich möchte einen Termin', 'ja genau', 'nein danke', 'Freitag', 'morgen um drei', '', 'Moment bitte', '0176 1234'])(
    'finds no name in "%s"',
    (text) => {
      expect(extractCallerName(text)).toBeNull();
    },
  );

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
