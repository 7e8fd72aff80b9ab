import { describe, expect, it } from 'vitest';
import { askDayFor, askDayInWeek, asksForDayOrTime, askWhenAgain, readBackPhone, speakPhoneDigits } from './lines-booking-flow.js';
import { ASK_TIME, OFFER_AN_APPOINTMENT } from './lines.js';

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

describe('asksForDayOrTime', () => {
  const wish = { serviceName: 'Herrenhaarschnitt', staffName: null, date: null, time: '10:00', partOfDay: null } as const;
  const now = new Date('2026-11-19T08:00:00Z');

  it('knows the questions a yes cannot answer', () => {
    expect(asksForDayOrTime(ASK_TIME)).toBe(true);
    for (const i of [0, 1, 2]) expect(asksForDayOrTime(askDayFor(wish, i)), askDayFor(wish, i)).toBe(true);
    for (const i of [0, 1, 2]) expect(asksForDayOrTime(askWhenAgain(wish, 'Europe/Berlin', now, i)), askWhenAgain(wish, 'Europe/Berlin', now, i)).toBe(true);
  });

  it('leaves the questions a yes answers', () => {
    expect(asksForDayOrTime(`Ein Herrenhaarschnitt kostet bei uns 29 Euro. ${OFFER_AN_APPOINTMENT}`)).toBe(false);
    expect(asksForDayOrTime(askDayInWeek('2026-11-23', 'Europe/Berlin', now))).toBe(false);
    expect(asksForDayOrTime('Am Dienstag um 10 Uhr hat Emma Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin eintragen?')).toBe(false);
  });
});
