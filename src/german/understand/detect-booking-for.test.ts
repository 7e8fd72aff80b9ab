import { describe, expect, it } from 'vitest';
import { detectBookingFor } from './detect-booking-for.js';

describe('detectBookingFor', () => {
  it.each([
    ['Ich möchte einen Termin für meine Tochter Lena', { kind: 'other', relation: 'tochter', name: 'Lena' }],
    ['äh der termin ist für meine tochter lena schmidt am freitag', { kind: 'other', relation: 'tochter', name: 'Lena Schmidt' }],
    ['für meinen Mann bitte, Herrenhaarschnitt', { kind: 'other', relation: 'mann', name: null }],
    ['nicht für mich sondern für meinen Sohn Paul', { kind: 'other', relation: 'sohn', name: 'Paul' }],
    ['meine Tochter Mia bräuchte einen Haarschnitt', { kind: 'other', relation: 'tochter', name: 'Mia' }],
    ['für meine tochter lena bräuchte ich was', { kind: 'other', relation: 'tochter', name: 'Lena' }],
    ['einen Haarschnitt für Lena Schmidt', { kind: 'other', relation: null, name: 'Lena Schmidt' }],
    ['für Frau Weber', { kind: 'other', relation: null, name: 'Frau Weber' }],
    ['für mich selbst', { kind: 'self' }],
    ['das ist für mich', { kind: 'self' }],
    ['für uns beide', { kind: 'both', relation: null }],
    ['wir zwei bräuchten einen termin', { kind: 'both', relation: null }],
    ['für mich und meinen Mann', { kind: 'both', relation: 'mann' }],
    ['für meine Frau und für mich', { kind: 'both', relation: 'frau' }],
    // The name said after "ihr Name ist" is read by the name reader; "Ihr Name" itself is none.
    ['für meine Tochter, ihr Name ist Lena Schmidt', { kind: 'other', relation: 'tochter', name: null }],
  ])('reads %j', (text, expected) => expect(detectBookingFor(text)).toEqual(expected));

  it.each(['einen Termin für Freitag', 'Herrenhaarschnitt für Dienstag um zehn', 'für nächste Woche bitte', 'ja gerne', 'für halb drei'])(
    'finds no person in %j',
    (text) => expect(detectBookingFor(text)).toBeNull(),
  );
});
