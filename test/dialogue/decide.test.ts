import { describe, expect, it } from 'vitest';
import { readUtterance } from '../../src/german/understand/read-utterance.js';
import { decide } from '../../src/voice/dialogue/decide.js';
import type { DialogueEvent } from '../../src/voice/dialogue/events.js';
import { DialogueSnapshot, readSnapshot } from '../../src/voice/dialogue/snapshot.js';
import { DialogueState, initialState } from '../../src/voice/dialogue/state.js';
import { SALON, SERVICES, STAFF } from '../support/demo-directory.js';
import { NOW } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';

const heard = (text: string, count: number): DialogueEvent => ({ kind: 'heard', facts: readUtterance(text, SALON, NOW), callerUtterances: count, now: NOW });
const opened = decide(initialState(), { kind: 'opened', caller: { number: '+4917612345678', knownName: null }, now: NOW }, SALON).state;
const wed10 = slot('2026-11-25 10:00', 'emma');
const wish = { serviceId: SERVICES.herrenhaarschnitt, staff: STAFF.emma, date: '2026-11-25', time: '10:00', partOfDay: null, earliest: false };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('the decision', () => {
  it('never changes the state it is given', () => {
    let state = opened;
    const events: DialogueEvent[] = [
      heard('Herrenhaarschnitt am Mittwoch um zehn bei Emma', 1),
      { kind: 'answered', answer: offer.exact(wed10), late: false, now: NOW },
      heard('ja', 2),
      heard('Jonas Weber', 3),
      heard('ja', 4),
      { kind: 'answered', answer: book.booked(wed10, 'herrenhaarschnitt'), late: true, now: NOW },
      { kind: 'reminder', now: NOW },
    ];
    for (const event of events) {
      const before = structuredClone(state);
      const next = decide(deepFreeze(state), event, SALON);
      expect(state).toEqual(before);
      state = next.state;
    }
    expect(state).toMatchObject({ step: { phase: 'anything_else' }, memory: { outcome: 'booked' } });
  });

  it('asks the reception in ids and instants, with one filler and the save last', () => {
    const { effects } = decide(opened, heard('Herrenhaarschnitt am Mittwoch um zehn bei Emma', 1), SALON);
    expect(effects).toEqual([
      {
        kind: 'run',
        call: {
          operation: 'offer',
          request: { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.emma, date: '2026-11-25', time: '10:00', partOfDay: null, earliest: false },
        },
        filler: 'Einen Moment, ich schaue kurz nach.',
        seq: 1,
      },
      { kind: 'save' },
    ]);
  });

  it('ignores an answer the conversation is not waiting for', () => {
    const state: DialogueState = { ...opened, step: { phase: 'offered', wish, offers: [wed10] } };
    expect(decide(state, { kind: 'answered', answer: book.booked(wed10, 'herrenhaarschnitt'), late: false, now: NOW }, SALON)).toEqual({ state, effects: [] });
  });

  it('goes back to the question asked last when an operation never answered (the reception failed)', () => {
    const booking: DialogueState = {
      ...opened,
      caller: { ...opened.caller, name: 'Jonas Weber' },
      step: { phase: 'booking', wish, chosen: wed10, customer: { name: 'Jonas Weber', phone: '+4917612345678' } },
    };
    const next = decide(booking, heard('ja', 5), SALON);
    expect(next.state.step).toMatchObject({ phase: 'booking', chosen: wed10 });
    expect(next.effects[0]).toMatchObject({ kind: 'run', call: { operation: 'book' }, filler: 'Einen Moment, ich trage das ein.' });
  });

  it('learns a caller announced late without forgetting what the caller said meanwhile', () => {
    const named: DialogueState = { ...opened, caller: { number: null, name: 'Petra Freitag', known: false, phone: null, phoneConfirmed: false } };
    const next = decide(named, { kind: 'caller_known', caller: { number: '+4915112345678', knownName: 'P. Freitag' } }, SALON);
    expect(next.state.caller).toEqual({ number: '+4915112345678', name: 'Petra Freitag', known: true, phone: '+4915112345678', phoneConfirmed: false });
  });
});

describe('the snapshot', () => {
  const snapshot = { version: 1, owner: 'instance-a', businessId: SALON.business.id, keepTranscript: true, state: opened };

  it('round-trips a state through JSON', () => {
    const offered: DialogueState = { ...opened, step: { phase: 'offered', wish, offers: [wed10] } };
    expect(readSnapshot(JSON.parse(JSON.stringify({ ...snapshot, state: offered })))).toEqual({ kind: 'readable', snapshot: { ...snapshot, state: offered } });
  });

  it.each([
    ['an offer phase without offers', { phase: 'offered', wish, offers: [] }],
    ['a name phase without the chosen slot', { phase: 'name', wish }],
    ['a booking without a service', { phase: 'offered', wish: { ...wish, serviceId: null }, offers: [wed10] }],
    ['an unknown phase', { phase: 'dancing' }],
  ])('refuses %s', (_what, step) => {
    expect(DialogueSnapshot.safeParse({ ...snapshot, state: { ...opened, step } }).success).toBe(false);
  });

  it('reads the owner and business of an unreadable snapshot, and nothing else', () => {
    expect(readSnapshot({ owner: 'instance-b', businessId: 'b-1', phase: 'offered', offers: 'garbage' })).toEqual({
      kind: 'unreadable',
      owner: 'instance-b',
      businessId: 'b-1',
    });
    expect(readSnapshot('not even an object')).toEqual({ kind: 'unreadable', owner: null, businessId: null });
    expect(readSnapshot({ owner: 42, businessId: ['x'] })).toEqual({ kind: 'unreadable', owner: null, businessId: null });
  });
});
