import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { TurnIo } from '../../src/voice/conversation.js';
import { createBookingConversations } from '../../src/voice/dialogue/booking-conversation.js';
import { CALLER, scenario } from '../support/call-scenario.js';
import { openTestPostgres } from '../support/databases.js';

describe('whole calls: changes, questions and the awkward moments', () => {
  let database: Database;
  beforeAll(() => {
    database = openTestPostgres();
  });
  afterAll(async () => {
    await database.close();
  });

  /** Books an appointment for CALLER through a whole call, as a previous call would have. */
  async function bookFirst(s: Awaited<ReturnType<typeof scenario>>, sentence: string) {
    const { driver } = await s.call();
    await driver.say(sentence);
    let done = await driver.say('ja');
    // A returning caller is known by number: no name, no number to confirm.
    if (!done.text.includes('eingetragen')) {
      await driver.say('Jonas Weber');
      done = await driver.say('ja');
    }
    expect(done.text).toContain('Ihr Termin ist eingetragen');
    await driver.end();
  }

  it("cancels the caller's appointment, found by the calling number", async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    const { driver } = await s.call();
    const asked = await driver.say('Ich möchte meinen Termin absagen');
    expect(asked.text).toBe('Einen Moment, ich schaue kurz nach. Soll ich Ihren Termin am Dienstag, dem 24. November, um 10 Uhr bei Fabian absagen?');
    // Read back, nothing changed yet: only the yes cancels.
    expect(await s.booked()).toHaveLength(1);
    const r = await driver.say('ja, bitte');
    expect(r.text).toBe(
      'Einen Moment, ich schaue kurz nach. Ich habe Ihren Termin abgesagt: Herrenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Fabian. Kann ich sonst noch etwas für Sie tun?',
    );
    expect(await s.booked()).toHaveLength(0);
    await driver.say('nein danke');
    await driver.end();
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'cancelled_appointment' });
  });

  it('asks which appointment to cancel when there are several, and cancels the one named', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    await bookFirst(s, 'Herrenhaarschnitt am Mittwoch um zehn bei Fabian');
    const { driver } = await s.call();
    expect((await driver.say('Ich muss einen Termin stornieren')).text).toMatch(/Ich finde mehrere Termine: .* Welchen meinen Sie\?$/);
    expect((await driver.say('den am Mittwoch')).text).toBe('Soll ich Ihren Termin am Mittwoch, dem 25. November, um 10 Uhr bei Fabian absagen?');
    expect((await driver.say('ja')).text).toContain('Ich habe Ihren Termin abgesagt: Herrenhaarschnitt am Mittwoch, dem 25. November');
    expect((await s.booked()).map((b) => b.at)).toEqual(['2026-11-24T10:00']);
  });

  it('moves an appointment to a new time and keeps the staff member', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    const { driver } = await s.call();
    expect((await driver.say('Kann ich meinen Termin verschieben?')).text).toBe('Gern. Auf welchen Tag und welche Uhrzeit soll ich Ihren Termin verschieben?');
    expect((await driver.say('auf Mittwoch um halb drei')).text).toBe(
      'Einen Moment, ich schaue kurz nach. Soll ich Ihren Termin am Dienstag, dem 24. November, um 10 Uhr bei Fabian auf Mittwoch, den 25. November, um halb drei verschieben?',
    );
    const moved = await driver.say('ja');
    expect(moved.text).toContain('Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25. November, um halb drei bei Fabian.');
    expect(await s.booked()).toEqual([expect.objectContaining({ at: '2026-11-25T14:30', staffId: s.salon.staff.fabian })]);
  });

  it('asks which appointment to move when there are several, and moves the one named', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    await bookFirst(s, 'Herrenhaarschnitt am Mittwoch um zehn bei Fabian');
    const { driver } = await s.call();
    expect((await driver.say('Ich muss meinen Termin verschieben, auf Freitag um elf')).text).toMatch(/Ich finde mehrere Termine: .* Welchen meinen Sie\?$/);
    expect((await driver.say('den am Mittwoch')).text).toMatch(/^Soll ich Ihren Termin am Mittwoch, .* verschieben\?$/);
    expect((await driver.say('ja')).text).toContain('Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt morgen um 11 Uhr bei Fabian.');
    expect((await s.booked()).map((b) => b.at).sort()).toEqual(['2026-11-20T11:00', '2026-11-24T10:00']);
  });

  it('reads "auf den 27.11. um 10:15 Uhr" as the new time, not as a phone number', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    const { driver } = await s.call();
    await driver.say('Ich möchte meinen Termin verschieben');
    expect((await driver.say('auf den 27.11. um 10:15 Uhr')).text).toMatch(/verschieben\?$/);
    expect((await driver.say('ja')).text).toContain(
      'Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Freitag, dem 27. November, um Viertel nach zehn bei Fabian.',
    );
  });

  it('lets the caller drop a move and keeps the appointment', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    const { driver } = await s.call();
    await driver.say('Kann ich meinen Termin verschieben?');
    expect((await driver.say('nein, lassen wir das doch')).text).toBe('In Ordnung, dann bleibt alles, wie es ist. Kann ich sonst noch etwas für Sie tun?');
    expect((await s.booked()).map((b) => b.at)).toEqual(['2026-11-24T10:00']);
  });

  it("transfers a caller who wants a human to the salon's number", async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const r = await driver.say('Kann ich bitte mit einem Mitarbeiter sprechen?');
    expect(r).toMatchObject({ text: 'Einen Moment bitte, ich verbinde Sie mit einer Kollegin.', transferNumber: s.salon.definition.transferNumber });
    await driver.end();
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'transferred' });
  });

  it('nudges once on silence, then says goodbye and hangs up', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const first = await driver.silence();
    expect(first.text).toMatch(/^Sind Sie noch da\? Ich helfe Ihnen gern weiter\. Salon Haarmonie/);
    expect(first.endCall).toBe(false);
    const second = await driver.silence();
    expect(second).toMatchObject({ text: 'Ich höre Sie leider nicht mehr. Rufen Sie gern noch einmal an. Auf Wiederhören!', endCall: true });
    await driver.end();
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'abandoned', status: 'ended' });
  });

  it('asks again on unintelligible audio and repeats itself on "wie bitte?"', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    expect((await driver.say('(unintelligible audio)')).text).toBe(
      'Entschuldigung, das habe ich akustisch nicht verstanden. Könnten Sie das bitte wiederholen?',
    );
    const offer = await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    expect((await driver.say('wie bitte?')).text).toBe(offer.text);
  });

  it('answers price and opening-hour questions', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    expect((await driver.say('Was kostet ein Damenhaarschnitt?')).text).toBe('Ein Damenhaarschnitt kostet bei uns 49 Euro. Möchten Sie dafür einen Termin?');
    expect((await driver.say('Wann haben Sie denn geöffnet?')).text).toBe(
      'Wir haben Dienstag bis Freitag von 9 bis 18 Uhr und Samstag von 9 bis 14 Uhr geöffnet.',
    );
  });

  it('books once when Retell asks twice for the same "ja" (the first answer was discarded)', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    await driver.say('ja');
    await driver.say('Jonas Weber');
    driver.transcript.push({ role: 'user', content: 'ja' });
    const [a, b] = await Promise.all([driver.turn('response_required'), driver.turn('response_required')]);
    expect(a.text).toContain('Ihr Termin ist eingetragen');
    expect(b.text).toContain('Ihr Termin ist eingetragen');
    expect(await s.booked()).toHaveLength(1);
  });

  it('finishes a booking whose turn was superseded and tells the result in the next turn', async () => {
    const s = await scenario(database);
    const conversation = createBookingConversations(s.deps)(randomUUID());
    await conversation.greet({
      callId: 'x',
      agentId: null,
      fromNumber: CALLER,
      toNumber: s.salon.definition.phoneNumbers[0]!,
      direction: 'inbound',
      callType: 'phone_call',
      metadata: null,
    });
    const transcript: Array<{ role: string; content: string }> = [];
    /** `bargeIn`: the caller speaks again the moment the booking starts, so everything after it goes unheard. */
    const run = async (text: string | null, bargeIn = false) => {
      if (text) transcript.push({ role: 'user', content: text });
      let said = '';
      let stale = false;
      const io: TurnIo = {
        signal: new AbortController().signal,
        isStale: () => stale,
        say: (c) => (said += stale ? '' : c),
        toolCallInvocation: () => {
          if (bargeIn) stale = true;
        },
        toolCallResult: () => {},
      };
      await conversation.respond({ kind: 'response_required', responseId: transcript.length, transcript: [...transcript] }, io);
      transcript.push({ role: 'agent', content: said });
      return said;
    };
    await run('Herrenhaarschnitt am Mittwoch um elf bei Oliver');
    await run('ja');
    await run('Jonas Weber');
    // The caller barges in right as the booking runs: that turn's words are never heard.
    expect(await run('ja', true)).toBe('Einen Moment, ich trage das ein. ');
    expect(await s.booked()).toHaveLength(1);
    const next = await run('hallo?');
    expect(next).toMatch(/^Ihr Termin ist eingetragen: Herrenhaarschnitt am Mittwoch, dem 25\. November, um 11 Uhr bei Oliver\./);
  });

  it('apologises and offers the next slot when the offered one was taken after its hold expired', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    await driver.say('ja');
    await driver.say('Jonas Weber');
    // The caller takes longer than the hold lasts, and someone else books the time meanwhile.
    s.clock.advance(6 * 60 * 1000);
    const other = await s.call('+4915199999999');
    await other.driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    await other.driver.say('ja');
    await other.driver.say('Anna Roth');
    await other.driver.say('ja');
    const r = await driver.say('ja');
    expect(r.text).toMatch(/^Einen Moment, ich trage das ein\. Das tut mir leid, dieser Termin ist gerade eben vergeben worden\. (Bei Emma|Ich) .*\?$/);
    const next = await driver.say('den ersten');
    expect(next.text).toContain('Ihr Termin ist eingetragen');
    const all = await s.booked();
    expect(all).toHaveLength(2);
    expect(new Set(all.map((b) => b.at)).size).toBe(2);
    await driver.end();
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'booked' });
  });

  it('carries on a call on another instance after a reconnect, from the state the first one saved', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    // The state is saved after the turn, off the caller's path.
    await vi.waitFor(async () => expect((await s.callRow(driver.callId))?.dialogueState).toMatchObject({ state: { step: { phase: 'offered' } } }));
    const firstOwner = ((await s.callRow(driver.callId))?.dialogueState as { owner?: string } | null)?.owner;
    // The first instance is gone; Retell reconnects to another, which has its own conversations in memory.
    const elsewhere = createBookingConversations(s.deps)(driver.callId);
    const greeting = await elsewhere.greet({
      callId: driver.callId,
      agentId: null,
      fromNumber: CALLER,
      toNumber: s.salon.definition.phoneNumbers[0]!,
      direction: 'inbound',
      callType: 'phone_call',
      metadata: null,
    });
    expect(greeting).toEqual({ content: '' });
    let said = '';
    const io: TurnIo = {
      signal: new AbortController().signal,
      isStale: () => false,
      say: (c) => (said += c),
      toolCallInvocation: () => {},
      toolCallResult: () => {},
    };
    await elsewhere.respond({ kind: 'response_required', responseId: 7, transcript: [...driver.transcript, { role: 'user', content: 'ja' }] }, io);
    expect(said.trim()).toBe('Gut, also der Herrenhaarschnitt am Mittwoch um 10 Uhr bei Emma. Auf welchen Namen darf ich den Termin eintragen?');
    // The first instance's grace period runs out later: it must neither release the hold nor finish the call.
    await vi.waitFor(async () => expect(((await s.callRow(driver.callId))?.dialogueState as { owner?: string } | null)?.owner).not.toBe(firstOwner));
    await driver.end();
    expect(await s.held()).toHaveLength(1);
    expect((await s.callRow(driver.callId))?.status).not.toBe('ended');
    await elsewhere.end('closed');
    expect(await s.held()).toHaveLength(0);
  });

  it('goes on safely, without a second greeting, from a saved state it cannot read', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    await vi.waitFor(async () => expect((await s.callRow(driver.callId))?.dialogueState).toMatchObject({ state: { step: { phase: 'offered' } } }));
    // What an older version (or a damaged row) left: the flat state of before, with an offer list that is no list.
    const { saveDialogueSnapshot } = await import('../../src/calls/dialogue-snapshot.js');
    await saveDialogueSnapshot(database.db, driver.callId, {
      owner: 'gone',
      businessId: s.salon.id,
      phase: 'offered',
      offers: 'garbage',
      chosen: { start: 42 },
    });
    const elsewhere = createBookingConversations(s.deps)(driver.callId);
    const greeting = await elsewhere.greet({
      callId: driver.callId,
      agentId: null,
      fromNumber: CALLER,
      toNumber: s.salon.definition.phoneNumbers[0]!,
      direction: 'inbound',
      callType: 'phone_call',
      metadata: null,
    });
    expect(greeting).toEqual({ content: '' });
    let said = '';
    const io: TurnIo = {
      signal: new AbortController().signal,
      isStale: () => false,
      say: (c) => (said += c),
      toolCallInvocation: () => {},
      toolCallResult: () => {},
    };
    await elsewhere.respond(
      { kind: 'response_required', responseId: 9, transcript: [...driver.transcript, { role: 'user', content: 'Herrenhaarschnitt am Freitag um elf' }] },
      io,
    );
    expect(said).toMatch(/^Einen Moment, ich schaue kurz nach\. Am Freitag um 11 Uhr hat .* Zeit für einen Herrenhaarschnitt\./);
    // The fresh state is saved under the new owner, in the readable shape.
    await vi.waitFor(async () => expect((await s.callRow(driver.callId))?.dialogueState).toMatchObject({ version: 1, state: { step: { phase: 'offered' } } }));
    await elsewhere.end('closed');
    expect(await s.held()).toHaveLength(0);
  });

  it('takes "da kann ich nicht kommen" about an offer as a no, and leaves the caller\'s existing appointment alone', async () => {
    const s = await scenario(database);
    await bookFirst(s, 'Herrenhaarschnitt am Dienstag um zehn bei Fabian');
    const { driver } = await s.call();
    await driver.say('Ich hätte gern noch einen Damenhaarschnitt am Mittwoch um zehn bei Emma');
    expect((await driver.say('Oh, da kann ich nicht kommen.')).text).toBe('Kein Problem. Wann würde es Ihnen stattdessen passen?');
    expect((await s.booked()).map((b) => b.at)).toEqual(['2026-11-24T10:00']);
  });

  it('answers a second "ja" after a booking as a new answer, not as a repeat of the booking', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    await driver.say('ja');
    await driver.say('Jonas Weber');
    expect((await driver.say('ja')).text).toContain('Ihr Termin ist eingetragen');
    expect((await driver.say('ja')).text).toBe('Gern, was kann ich für Sie tun?');
    expect((await driver.say('ja')).text).toBe('Gern, was kann ich für Sie tun?');
    expect(await s.booked()).toHaveLength(1);
  });

  it('keeps no transcript of a call that opted out of sensitive data storage, but still its outcome', async () => {
    const s = await scenario(database);
    const { DialogueDriver } = await import('../support/dialogue-driver.js');
    const driver = new DialogueDriver(s.deps, randomUUID());
    await driver.start({ toNumber: s.salon.definition.phoneNumbers[0]!, fromNumber: CALLER, sensitiveDataOptOut: true });
    await driver.say('Was kostet ein Damenhaarschnitt?');
    await driver.end();
    expect(await s.callRow(driver.callId)).toMatchObject({ transcript: null, transcriptText: null, outcome: 'information', status: 'ended' });
  });

  it('releases the offered slot at once when the caller hangs up', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    await driver.say('Herrenhaarschnitt am Mittwoch um zehn bei Emma');
    expect(await s.held()).toHaveLength(1);
    await driver.end();
    expect(await s.held()).toHaveLength(0);
    expect(await s.callRow(driver.callId)).toMatchObject({ outcome: 'abandoned', status: 'ended' });
  });

  it('says goodbye and hangs up when the caller is done', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    expect(await driver.say("Ach, das war's schon, tschüss")).toMatchObject({ text: 'Vielen Dank für Ihren Anruf. Auf Wiederhören!', endCall: true });
  });

  it('never says "eingetragen" when nothing was booked', async () => {
    const s = await scenario(database);
    const { driver } = await s.call();
    const lines = [];
    for (const text of ['Herrenhaarschnitt am Montag um zehn', 'nein', 'Sonntag', 'egal', 'tschüss']) lines.push((await driver.say(text)).text);
    expect(lines.join(' ')).not.toMatch(/eingetragen:|gebucht/);
    expect(await s.booked()).toHaveLength(0);
  });
});
