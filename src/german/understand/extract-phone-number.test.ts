import { describe, expect, it } from 'vitest';
import { extractPhoneNumber } from './extract-phone-number.js';

describe('extractPhoneNumber', () => {
  it.each([
    ['null eins sieben sechs – zwölf vierunddreißig fünfundsechzig achtundsiebzig', '+4917612346578'],
    ['0176 1234 5678', '+4917612345678'],
    ['meine Nummer ist 0176/12345678', '+4917612345678'],
    ['plus vier neun eins sieben sechs eins zwei drei vier fünf sechs sieben acht', '+4917612345678'],
    ['+49 176 12345678', '+4917612345678'],
    ['doppel-null vier neun eins sieben sechs zwölf vierunddreißig fünfundsechzig achtundsiebzig', '+4917612346578'],
    ['null null vier neun dreißig zwölf vierunddreißig sechsundfünfzig', '+4930123456'],
    ['ja also die Vorwahl ist null drei null und dann zwölf vierunddreißig sechsundfünfzig', '+4930123456'],
    ['null drei null, äh, eins zwei drei vier fünf sechs sieben', '+49301234567'],
    ['null eins sieben sechs doppel eins zwei drei vier fünf sechs', '+491761123456'],
    ['null eins sieben sechs vier und dreißig zwölf fünfundsechzig achtundsiebzig', '+4917634126578'],
    ['Österreich: plus vier drei sechs sechs vier eins zwei drei vier fünf sechs sieben', '+436641234567'],
    ['030 12345678', '+493012345678'],
    ['am 24.11. um 10, meine Nummer ist 0176 1234 5678', '+4917612345678'],
    ['Dienstag um neun Uhr dreißig, meine Handynummer ist 0170 279 4833', '+491702794833'],
    ['null äh eins sieben null zwei acht acht ähm acht sieben drei fünf', '+491702888735'],
    ['also nein nehmen sie bitte die null eins fünf eins eins sechs acht eins fünf eins sechs acht', '+4915116815168'],
  ])('reads "%s"', (text, e164) => {
    expect(extractPhoneNumber(text)).toBe(e164);
  });

  it('uses the default country for national numbers', () => {
    expect(extractPhoneNumber('0664 1234567', 'AT')).toBe('+436641234567');
  });

  it.each([
    'um drei',
    'ich habe keine Nummer',
    'zwölf',
    '12345',
    '',
    'null null null',
    'Herrenschnitt am 24.11. um 10',
    'am 30.02.2026 um 10',
    'am 2026-11-24 um 14:30 bitte',
    'für einmal Föhnen, am 20. November um fünfzehn Uhr fünfzehn wenn möglich bei Oliver',
    'am zwanzigsten um zehn uhr dreißig',
    // Twelve digits where the 0170 block has eleven: no number, and not the time's digits put in front of it.
    'um neun Uhr dreißig, meine Nummer ist 0170 279 48332',
  ])('finds no valid number in "%s"', (text) => {
    expect(extractPhoneNumber(text)).toBeNull();
  });
});
