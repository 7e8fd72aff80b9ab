import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { OfferedSlot, OfferOutcome } from '../../reception/outcomes.js';
import { demoStaffIds, SALON, serviceNamed } from '../../../test/support/speak-directory.fixture.js';
import { phraseBooking } from './phrase-booking.js';
import { phraseOffer, type OfferTerms } from './phrase-offer.js';
import { speakClock } from './speak.js';
import { offerAlternatives } from './wording.js';

const ZONE = 'Europe/Berlin';
// Thursday, 19 November 2026.
const NOW = DateTime.fromISO('2026-11-19T09:00', { zone: ZONE }).toJSDate();
const STAFF = { emma: demoStaffIds.emma, fabian: demoStaffIds.fabian, oliver: demoStaffIds.oliver };

function slot(local: string, who: keyof typeof STAFF, minutes = 30): OfferedSlot {
  const start = DateTime.fromISO(local, { zone: ZONE });
  return { staffId: STAFF[who], startsAt: start.toUTC().toISO()!, endsAt: start.plus({ minutes }).toUTC().toISO()! };
}

function terms(name: string, extra: Partial<OfferTerms> = {}): OfferTerms {
  const service = serviceNamed(name);
  return { directory: SALON, now: NOW, service, ...extra };
}

/** What a listener must never hear: a word twice in a row, a slash, an abbreviation, a sentence without an end. */
function expectSpeakable(text: string): void {
  expect(text).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
  expect(text).not.toMatch(/[/&]|\bz\. ?B\.|\bca\.|\bDr\./);
  expect(text).toMatch(/[.?!]$/);
}

describe('phraseOffer: the free slot', () => {
  it.each([
    // The wording follows the slot, so two offers in one call do not sound the same.
    [
      '2026-11-24T14:30',
      'emma',
      'Herrenhaarschnitt',
      'Am Dienstag, dem 24. November, um halb drei ist bei Emma ein Termin für einen Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?',
    ],
    [
      '2026-11-25T10:15',
      'oliver',
      'Ansatzfärbung',
      'Am Mittwoch, dem 25. November, um Viertel nach zehn hat Oliver Zeit für eine Ansatzfärbung. Soll ich Ihnen den Termin eintragen?',
    ],
    ['2026-11-20T10:00', 'emma', 'Strähnchen', 'Morgen um 10 Uhr hat Emma Zeit für Strähnchen. Soll ich Ihnen den Termin eintragen?'],
    ['2026-11-20T10:00', 'fabian', 'Waschen/Föhnen', 'Morgen um 10 Uhr hat Fabian Zeit für Waschen und Föhnen. Soll ich Ihnen den Termin eintragen?'],
    [
      '2026-11-20T10:15',
      'fabian',
      'Damenhaarschnitt',
      'Morgen um Viertel nach zehn hat Fabian Zeit für einen Damenhaarschnitt. Soll ich Ihnen den Termin eintragen?',
    ],
  ])('offers %s with %s for %s', (local, who, service, words) => {
    const text = phraseOffer({ kind: 'exact', slot: slot(local, who as keyof typeof STAFF) }, terms(service));
    expect(text).toBe(words);
    expectSpeakable(text);
  });

  it('says the weekday back when the caller named it', () => {
    const text = phraseOffer({ kind: 'exact', slot: slot('2026-11-21T10:00', 'emma') }, terms('Herrenhaarschnitt', { wording: { weekdayNamed: true } }));
    expect(text).toBe('Am Samstag um 10 Uhr hat Emma Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin eintragen?');
  });

  it('without grammar says the bare name, as before', () => {
    const text = phraseOffer({ kind: 'exact', slot: slot('2026-11-24T14:30', 'emma') }, { directory: SALON, now: NOW, service: 'Herrenhaarschnitt' });
    expect(text).toBe('Am Dienstag, dem 24. November, um halb drei ist bei Emma ein Termin für Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?');
  });
});

describe('offerAlternatives: one, two or three slots, always ending with a question', () => {
  it.each<[string, OfferedSlot[], string]>([
    [
      'one slot',
      [slot('2026-11-24T10:00', 'emma')],
      'Ich habe am Dienstag, dem 24. November, um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    ],
    [
      'one other slot',
      [slot('2026-11-24T10:15', 'emma')],
      'Ich habe am Dienstag, dem 24. November, um Viertel nach zehn bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    ],
    [
      'two slots, one day, two stylists',
      [slot('2026-11-24T10:00', 'emma'), slot('2026-11-24T11:00', 'fabian')],
      'Ich könnte Ihnen am Dienstag, dem 24. November, um 10 Uhr bei Emma oder um 11 Uhr bei Fabian anbieten. Was passt Ihnen besser?',
    ],
    [
      'two slots, two days, one stylist',
      [slot('2026-11-21T11:00', 'emma'), slot('2026-11-24T11:00', 'emma')],
      'Bei Emma könnte ich Ihnen am Samstag, dem 21. November, um 11 Uhr oder am Dienstag, dem 24. November, um 11 Uhr anbieten. Welcher der beiden Termine wäre Ihnen lieber?',
    ],
    [
      'three slots',
      [slot('2026-11-24T09:30', 'emma'), slot('2026-11-24T09:15', 'emma'), slot('2026-11-24T10:45', 'emma')],
      'Bei Emma könnte ich Ihnen am Dienstag, dem 24. November, um halb zehn, um Viertel nach neun oder um Viertel vor elf anbieten. Welcher davon passt Ihnen?',
    ],
    [
      'three slots, three stylists',
      [slot('2026-11-20T10:00', 'emma'), slot('2026-11-20T10:00', 'fabian'), slot('2026-11-21T09:00', 'oliver')],
      'Ich habe morgen um 10 Uhr bei Emma, um 10 Uhr bei Fabian oder am Samstag, dem 21. November, um 9 Uhr bei Oliver noch einen Termin frei. Welcher davon passt Ihnen?',
    ],
  ])('%s', (_, slots, words) => {
    const text = offerAlternatives(slots, SALON, NOW);
    expect(text).toBe(words);
    expect(text).toMatch(/\?$/);
    expectSpeakable(text);
  });

  it('varies its wording between offers', () => {
    const texts = new Set(
      ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) =>
        offerAlternatives([slot(`2026-11-24T${t}`, 'emma')], SALON, NOW).replace(/am Dienstag.*bei Emma/, '…'),
      ),
    );
    expect(texts.size).toBeGreaterThanOrEqual(3);
  });
});

describe('phraseOffer: why not, and what instead', () => {
  const sunday: OfferOutcome = {
    kind: 'alternatives',
    reason: 'closed_day',
    slots: [slot('2026-11-21T11:00', 'emma'), slot('2026-11-24T11:00', 'fabian')],
    detail: { closedDay: { cause: 'weekday', date: '2026-11-22', weekday: 7 } },
  };

  it.each<[string, OfferOutcome, string]>([
    [
      'Sonntag um elf',
      sunday,
      'Sonntags haben wir leider geschlossen. Ich könnte Ihnen am Samstag, dem 21. November, um 11 Uhr bei Emma oder am Dienstag, dem 24. November, um 11 Uhr bei Fabian anbieten. Welcher der beiden Termine wäre Ihnen lieber?',
    ],
    [
      'Christmas',
      {
        kind: 'alternatives',
        reason: 'closed_day',
        slots: [slot('2026-12-24T10:00', 'emma')],
        detail: { closedDay: { cause: 'holiday', date: '2026-12-25', weekday: 5, name: '1. Weihnachtstag' } },
      },
      'Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen. Ich habe am Donnerstag, dem 24. Dezember, um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    ],
    [
      'a closure',
      {
        kind: 'alternatives',
        reason: 'closed_day',
        slots: [slot('2026-11-25T10:00', 'emma')],
        detail: { closedDay: { cause: 'closure', date: '2026-11-24', weekday: 2, reason: 'Betriebsurlaub' } },
      },
      'Am Dienstag, dem 24. November, haben wir wegen Betriebsurlaub geschlossen. Ich habe am Mittwoch, dem 25. November, um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    ],
    [
      'a closed day without detail',
      { kind: 'alternatives', reason: 'closed_day', slots: [slot('2026-11-25T10:00', 'emma')] },
      'An dem Tag haben wir leider geschlossen. Ich habe am Mittwoch, dem 25. November, um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    ],
    [
      'a day with nothing to offer',
      { kind: 'none', reason: 'closed_day', detail: { closedDay: { cause: 'weekday', date: '2026-11-23', weekday: 1 } } },
      'Montags haben wir leider geschlossen. In den nächsten Wochen ist dafür leider nichts mehr frei.',
    ],
    [
      'no time given',
      {
        kind: 'alternatives',
        reason: 'no_time_given',
        slots: [slot('2026-11-24T09:00', 'emma'), slot('2026-11-24T09:30', 'emma'), slot('2026-11-24T10:00', 'emma')],
      },
      'Für einen Herrenhaarschnitt habe ich bei Emma am Dienstag, dem 24. November, um 9 Uhr, um halb zehn oder um 10 Uhr noch einen Termin frei. Was davon passt Ihnen am besten?',
    ],
  ])('%s', (_, outcome, words) => {
    const text = phraseOffer(outcome, terms('Herrenhaarschnitt'));
    expect(text).toBe(words);
    expectSpeakable(text);
  });

  it('says today is closed when asked for today on the day off', () => {
    const monday = DateTime.fromISO('2026-11-23T09:00', { zone: ZONE }).toJSDate();
    const outcome: OfferOutcome = {
      kind: 'alternatives',
      reason: 'closed_day',
      slots: [slot('2026-11-24T09:00', 'emma')],
      detail: { closedDay: { cause: 'weekday', date: '2026-11-23', weekday: 1 } },
    };
    expect(phraseOffer(outcome, terms('Herrenhaarschnitt', { now: monday }))).toBe(
      'Heute haben wir leider geschlossen, montags ist bei uns Ruhetag. Ich habe morgen um 9 Uhr bei Emma noch einen Termin frei. Passt Ihnen das?',
    );
  });
});

describe('phraseBooking', () => {
  it('reads back a committed booking with the spoken name and the full date', () => {
    const appointment = {
      id: 'a',
      serviceId: 's',
      staffId: STAFF.emma,
      customerId: null,
      startsAt: slot('2026-11-21T10:00', 'emma').startsAt,
      endsAt: slot('2026-11-21T10:00', 'emma').endsAt,
    };
    const text = phraseBooking({ kind: 'booked', appointment, repeated: false }, terms('Waschen/Föhnen', { wording: { weekdayNamed: true } }));
    expect(text).toBe('Ihr Termin ist eingetragen: Waschen und Föhnen am Samstag, dem 21. November, um 10 Uhr bei Emma.');
  });

  it('says why a closed day cannot be booked and what instead', () => {
    const text = phraseBooking(
      {
        kind: 'unavailable',
        reason: 'closed_day',
        alternatives: [slot('2026-12-24T10:00', 'emma')],
        detail: { closedDay: { cause: 'holiday', date: '2026-12-25', weekday: 5, name: '1. Weihnachtstag' } },
      },
      terms('Herrenhaarschnitt'),
    );
    expect(text).toBe(
      'Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen. Ich habe am Donnerstag, dem 24. Dezember, um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?',
    );
  });
});

describe('offerAlternatives over any offer', () => {
  it('ends with a question, never doubles a word, and says every slot in the order given', () => {
    const anySlot = fc.record({
      day: fc.integer({ min: 0, max: 20 }),
      quarter: fc.integer({ min: 36, max: 71 }),
      who: fc.constantFrom<keyof typeof STAFF>('emma', 'fabian', 'oliver'),
    });
    fc.assert(
      fc.property(fc.array(anySlot, { minLength: 1, maxLength: 3 }), (picks) => {
        const slots = picks.map((p) =>
          slot(
            DateTime.fromISO('2026-11-20T00:00', { zone: ZONE })
              .plus({ days: p.day, minutes: p.quarter * 15 })
              .toISO()!,
            p.who,
          ),
        );
        const text = offerAlternatives(slots, SALON, NOW);
        expectSpeakable(text);
        expect(text).toMatch(/\?$/);
        let from = 0;
        for (const s of slots) {
          const at = DateTime.fromISO(s.startsAt, { zone: ZONE });
          const index = text.indexOf(speakClock(at.hour, at.minute), from);
          expect(index).toBeGreaterThanOrEqual(from);
          from = index + 1;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('phraseOffer: a part of the day', () => {
  const thursdayAfternoon = { date: '2026-11-26', partOfDay: 'nachmittags' as const };

  it('offers slots inside the part of the day as they are', () => {
    const text = phraseOffer(
      { kind: 'alternatives', reason: 'no_time_given', slots: [slot('2026-11-26T14:00', 'emma'), slot('2026-11-26T15:30', 'emma')] },
      terms('Herrenhaarschnitt', { partOfDay: thursdayAfternoon }),
    );
    expect(text).toMatch(/^Für einen Herrenhaarschnitt (könnte ich Ihnen|habe ich) bei Emma am Donnerstag, dem 26\. November, um 14 Uhr oder um halb vier/);
    expectSpeakable(text);
  });

  it('never passes noon off as the afternoon: says that nothing is free then, and offers the nearest', () => {
    const text = phraseOffer(
      { kind: 'alternatives', reason: 'no_time_given', slots: [slot('2026-11-26T12:00', 'emma'), slot('2026-11-26T12:30', 'emma')] },
      terms('Herrenhaarschnitt', { partOfDay: thursdayAfternoon }),
    );
    expect(text).toMatch(/^Am Donnerstag, dem 26\. November, ist nachmittags leider nichts mehr frei\. .*um 12 Uhr oder um halb eins/);
  });

  it('says so when the afternoons free are on other days', () => {
    const text = phraseOffer(
      { kind: 'alternatives', reason: 'taken', slots: [slot('2026-11-27T14:00', 'fabian')] },
      terms('Herrenhaarschnitt', { partOfDay: thursdayAfternoon }),
    );
    expect(text).toMatch(
      /^Am Donnerstag, dem 26\. November, ist nachmittags leider nichts mehr frei\. Ich (könnte Ihnen|habe) am Freitag, dem 27\. November, um 14 Uhr bei Fabian/,
    );
    expect(text).not.toContain('Zu der Zeit');
  });
});

describe('phraseOffer: an offer right after another', () => {
  it('takes the other wording when the line before had the same one', () => {
    const first = phraseOffer({ kind: 'exact', slot: slot('2026-11-24T10:00', 'emma') }, terms('Herrenhaarschnitt'));
    const next = phraseOffer(
      { kind: 'exact', slot: slot('2026-11-24T11:00', 'emma') },
      terms('Herrenhaarschnitt', { after: `Einen Moment, ich schaue kurz nach. ${first}` }),
    );
    expect(first).toMatch(/hat Emma Zeit .* Soll ich Ihnen den Termin eintragen\?$/);
    expect(next).toMatch(/ist bei Emma ein Termin .* frei\. Soll ich ihn für Sie eintragen\?$/);
  });

  it('frames and closes a second list of slots otherwise than the first', () => {
    const slots = [slot('2026-11-24T10:00', 'emma'), slot('2026-11-24T11:00', 'fabian')] as const;
    const first = phraseOffer({ kind: 'alternatives', reason: 'taken', slots: [...slots] }, terms('Herrenhaarschnitt'));
    const again = phraseOffer({ kind: 'alternatives', reason: 'taken', slots: [...slots] }, terms('Herrenhaarschnitt', { after: first }));
    const close = (line: string) => line.slice(line.lastIndexOf('. ') + 2);
    expect(close(again)).not.toBe(close(first));
    expect(again.includes(' anbieten.')).toBe(!first.includes(' anbieten.'));
  });
});
