import { describe, expect, it } from 'vitest';
import { askDayFor, readBackPhone, speakPhoneDigits } from './lines-booking-flow.js';

describe('speakPhoneDigits', () => {
  it('reads a mobile number digit by digit in its groups, "zwo" for two', () => {
    expect(speakPhoneDigits('+4917698765432')).toBe('null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwo');
  });

  it('reads a Berlin number with its area code first', () => {
    expect(speakPhoneDigits('+4930123456')).toBe('null drei null, eins zwo drei, vier fünf sechs');
  });

  it('asks whether the number read back is right', () => {
    expect(readBackPhone('+4917698765432')).toMatch(/^Ich wiederhole die Nummer: null eins sieben sechs, .*\. Ist das richtig\?$/);
  });
});

describe('askDayFor', () => {
  it('asks the day in new words each time', () => {
    const wish = { serviceName: null, staffName: null, date: null, time: '10:00', partOfDay: null };
    const asks = [0, 1, 2].map((i) => askDayFor(wish, i));
    expect(new Set(asks).size).toBe(3);
    expect(asks[0]).toBe('Um 10 Uhr, gern. An welchem Tag hätten Sie Zeit?');
  });
});
