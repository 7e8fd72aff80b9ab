import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Reception } from '../../src/reception/reception.js';
import type { TurnIo } from '../../src/voice/conversation.js';
import { decide } from '../../src/voice/dialogue/decide.js';
import { runEffects } from '../../src/voice/dialogue/run-effects.js';
import { initialState, type DialogueState } from '../../src/voice/dialogue/state.js';
import { readUtterance } from '../../src/german/understand/read-utterance.js';
import { SALON, SERVICES, STAFF } from '../support/demo-directory.js';
import { NOW } from '../support/scripted-call.js';
import { slot } from '../support/world.js';

const wed10 = slot('2026-11-25 10:00', 'emma');

function recorder(stale = () => false) {
  const frames: Array<[string, ...unknown[]]> = [];
  const io: TurnIo = {
    signal: new AbortController().signal,
    isStale: stale,
    say: (content, options) => frames.push(['say', content, ...(options ? [options] : [])]),
    toolCallInvocation: (id, name, args) => frames.push(['invoke', id, name, args]),
    toolCallResult: (id, content, successful) => frames.push(['result', id, JSON.parse(content), successful]),
  };
  return { frames, io };
}

const reception = (offer: Reception['offer']): Reception => {
  const never = () => Promise.reject(new Error('not in this test'));
  return { offer, book: never, findAppointments: never, cancel: never, reschedule: never, recordOutcome: never, releaseHolds: never };
};

async function turn(r: Reception, io: TurnIo, saved: DialogueState[] = []) {
  const state = decide(initialState(), { kind: 'opened', caller: { number: null, knownName: null }, now: NOW }, SALON).state;
  const decision = decide(
    state,
    { kind: 'heard', facts: readUtterance('Herrenhaarschnitt am Mittwoch um zehn bei Emma', SALON, NOW), callerUtterances: 1, now: NOW },
    SALON,
  );
  const after = await runEffects(
    { reception: r, io, directory: SALON, callId: 'call-7', now: NOW, logger: createLogger('silent'), save: (s) => saved.push(s) },
    state,
    decision,
  );
  return { before: state, after };
}

describe('running a decision', () => {
  it('says the filler, shows the tool call with readable arguments, runs it, and says the answer', async () => {
    const { frames, io } = recorder();
    const saved: DialogueState[] = [];
    const { after } = await turn(
      reception(async () => ({ kind: 'exact', slot: wed10 })),
      io,
      saved,
    );
    expect(frames).toEqual([
      ['say', 'Einen Moment, ich schaue kurz nach. '],
      [
        'invoke',
        'call-7-1',
        'check_availability',
        {
          serviceId: SERVICES.herrenhaarschnitt,
          service: 'Herrenhaarschnitt',
          staffId: STAFF.emma,
          staff: 'Emma Williams',
          date: '2026-11-25',
          time: '10:00',
          partOfDay: null,
          earliest: false,
        },
      ],
      ['result', 'call-7-1', { kind: 'exact', slot: wed10 }, true],
      ['say', 'Am Mittwoch um 10 Uhr hat Emma Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin eintragen? '],
    ]);
    expect(after.step).toEqual({ phase: 'offered', wish: expect.objectContaining({ serviceId: SERVICES.herrenhaarschnitt }), offers: [wed10] });
    expect(saved).toEqual([after]);
  });

  it('starts no operation for a superseded turn and leaves the state as it was', async () => {
    const { frames, io } = recorder(() => true);
    let asked = 0;
    const { before, after } = await turn(
      reception(async () => (asked++, { kind: 'exact', slot: wed10 })),
      io,
    );
    expect(asked).toBe(0);
    expect(after).toBe(before);
    expect(frames).toEqual([]);
  });

  it('reports a failed operation in the transcript and lets the fault through', async () => {
    const { frames, io } = recorder();
    await expect(
      turn(
        reception(() => Promise.reject(new Error('database down'))),
        io,
      ),
    ).rejects.toThrow('database down');
    expect(frames.at(-1)).toEqual(['result', 'call-7-1', { error: 'failed' }, false]);
  });
});
