import { describe, expect, it } from 'vitest';
import { forSpeech } from './for-speech.js';

describe('forSpeech: what a voice would read oddly becomes what a person says', () => {
  it.each([
    ['Waschen/Föhnen', 'Waschen und Föhnen'],
    ['Schneiden / Föhnen', 'Schneiden und Föhnen'],
    ['Schnitt & Farbe', 'Schnitt und Farbe'],
    ['Schnitt + Farbe', 'Schnitt und Farbe'],
    ['Zahnarztpraxis Dr. Berger', 'Zahnarztpraxis Doktor Berger'],
    ['Dr. med. dent. Anna Berger', 'Doktor Anna Berger'],
    ['Pflege, z. B. eine Kur', 'Pflege, zum Beispiel eine Kur'],
    ['Pflege, z.B. eine Kur', 'Pflege, zum Beispiel eine Kur'],
    ['Einwirkzeit ca. 45 Min.', 'Einwirkzeit etwa 45 Minuten'],
    ['ca. etwa 45 Minuten', 'etwa 45 Minuten'],
    ['Dauer 2 Std.', 'Dauer 2 Stunden'],
    ['Dauer 1h', 'Dauer eine Stunde'],
    ['Dauer 1 Min', 'Dauer eine Minute'],
    ['Preis 49 €', 'Preis 49 Euro'],
    ['Preis 29,50 EUR', 'Preis 29,50 Euro'],
    ['10 % Rabatt', '10 Prozent Rabatt'],
    ['geöffnet 9-18 Uhr', 'geöffnet 9 bis 18 Uhr'],
    ['inkl. Pflege bzw. Styling', 'inklusive Pflege beziehungsweise Styling'],
    ['Kastanienallee Nr. 12', 'Kastanienallee Nummer 12'],
    ['Damenhaarschnitt', 'Damenhaarschnitt'],
    // Clock times in words stay as they are: a voice reads "14:30" well, and "14h30" is no duration.
    ['um 14:30 Uhr', 'um 14:30 Uhr'],
  ])('"%s" → "%s"', (written, spoken) => {
    expect(forSpeech(written)).toBe(spoken);
  });
});
