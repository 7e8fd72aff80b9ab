import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { appointments, customers } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import type { OutboundFrame } from '../../src/voice/transport/frames.js';
import { localTime } from '../support/booking.js';
import { createTestSalon, type TestBusiness } from '../support/business.js';
import { openTestPostgres } from '../support/databases.js';
import { RetellTestClient, agent, user, type TestUtterance } from '../support/retell-client.js';

/**
 * Changes over the real server, the real Retell WebSocket protocol and the real database: another person's
 * appointment never changes, a booking rejected right after it was made ends as one moved appointment, and a
 * booking the caller talked over ends as exactly one appointment at the latest wish.
 */
describe('changes over the Retell WebSocket', () => {
  let service: RunningService;
  let salon: TestBusiness;
  const clock = createFixedClock('2026-11-19T08:00:00Z');

  beforeAll(async () => {
    const database = openTestPostgres();
    service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', METRICS_ENABLED: 'false' }), {
      database,
      clock,
      logger: createLogger('silent'),
    });
    salon = await createTestSalon(database.db);
  });
  afterAll(async () => {
    await service.stop();
    await service.ctx.database.close();
  });

  async function dial(from: string) {
    const client = await RetellTestClient.connect(service.url, { timeoutMs: 5_000 });
    const transcript: TestUtterance[] = [];
    let id = 0;
    const greeting = await client.handshake(
      { call_id: client.callId, from_number: from, to_number: salon.definition.phoneNumbers[0], direction: 'inbound', call_type: 'phone_call' },
      5_000,
    );
    transcript.push(agent(greeting.text));
    const say = async (text: string) => {
      transcript.push(user(text));
      const reply = await client.ask(++id, [...transcript], { timeoutMs: 10_000 });
      transcript.push(agent(reply.text));
      return reply;
    };
    return { client, say, transcript, nextId: () => ++id };
  }

  /** Every appointment of the salon as it stands: what a change must or must not touch. */
  const allAppointments = async () =>
    (await service.ctx.database.db.select().from(appointments).where(eq(appointments.businessId, salon.id)))
      .map((a) => ({ id: a.id, status: a.status, at: localTime(a.startsAt), staffId: a.staffId, customerId: a.customerId }))
      .sort((a, b) => a.id.localeCompare(b.id));
  /** The booked appointments of the customer with this number. */
  const bookedFor = async (phone: string) => {
    const [customer] = await service.ctx.database.db
      .select()
      .from(customers)
      .where(and(eq(customers.businessId, salon.id), eq(customers.phoneE164, phone)));
    if (!customer) return [];
    const rows = await service.ctx.database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), eq(appointments.customerId, customer.id), eq(appointments.status, 'booked')));
    return rows.map((a) => ({ at: localTime(a.startsAt), staffId: a.staffId }));
  };

  async function bookAs(from: string, wish: string, name: string) {
    const call = await dial(from);
    await call.say(wish);
    await call.say('ja');
    await call.say(name);
    const done = await call.say('ja');
    expect(done.text).toContain('Ihr Termin ist eingetragen');
    return call;
  }

  it("never changes another customer's appointment, whatever the caller claims about a number or a person", async () => {
    const victim = '+4917655501234';
    const stranger = '+4917655509876';
    await (await bookAs(victim, 'Damenhaarschnitt am Dienstag um zehn bei Emma', 'Eva Krause')).client.close();
    const before = await allAppointments();
    expect(before.filter((a) => a.status === 'booked')).toHaveLength(1);

    const claims = [
      'Ich möchte den Termin von meiner Frau absagen, der läuft unter null eins sieben sechs, fünf fünf fünf, null eins zwei drei vier',
      'dann verschieben sie den termin meiner frau bitte auf mittwoch um elf',
      'Ich will den Termin unter der Nummer 0176 555 01234 stornieren',
      'wann ist denn der termin von meiner frau',
    ];
    for (const claim of claims) {
      const call = await dial(stranger);
      const reply = await call.say(claim);
      expect(reply.text).toMatch(/^Termine kann ich nur für die Nummer ansehen oder ändern, von der Sie gerade anrufen\./);
      expect((await call.say('nein')).text.trim()).toBe('Gut. Kann ich sonst noch etwas für Sie tun?');
      expect(call.client.violations).toEqual([]);
      await call.client.close();
    }
    // Asking for "my" appointment from the stranger's number finds only the stranger's: none.
    const call2 = await dial(stranger);
    expect((await call2.say('Ich möchte meinen Termin absagen')).text).toContain('Unter dieser Nummer finde ich leider keinen anstehenden Termin.');
    expect(await allAppointments()).toEqual(before);
    await call2.client.close();
  });

  it("cancels the caller's own appointment only after reading it back and hearing yes", async () => {
    const own = '+4917655502222';
    await (await bookAs(own, 'Herrenhaarschnitt am Freitag um zehn bei Fabian', 'Tom Berg')).client.close();
    const call = await dial(own);
    expect((await call.say('Ich muss meinen Termin leider absagen')).text.trim()).toBe(
      'Einen Moment, ich schaue kurz nach. Soll ich Ihren Termin morgen um 10 Uhr bei Fabian absagen?',
    );
    expect(await bookedFor(own)).toHaveLength(1);
    expect((await call.say('nein, doch nicht')).text.trim()).toBe('Gut, dann bleibt Ihr Termin, wie er ist. Kann ich sonst noch etwas für Sie tun?');
    expect(await bookedFor(own)).toHaveLength(1);
    await call.say('doch, ich möchte den Termin absagen');
    expect((await call.say('ja')).text).toContain('Ich habe Ihren Termin abgesagt');
    expect(await bookedFor(own)).toEqual([]);
    await call.client.close();
  });

  it('ends a booking the caller rejects right after it was made as one moved appointment', async () => {
    const from = '+4917655503333';
    const call = await bookAs(from, 'Herrenhaarschnitt am Mittwoch um zehn bei Oliver', 'Lars Jensen');
    const moved = await call.say('Oh, das passt doch nicht, lieber eine Stunde später');
    expect(moved.text).toContain('Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25. November, um 11 Uhr bei Oliver.');
    expect(await bookedFor(from)).toEqual([{ at: '2026-11-25T11:00', staffId: salon.staff.oliver }]);
    await call.say('nein danke, tschüss');
    expect(await bookedFor(from)).toEqual([{ at: '2026-11-25T11:00', staffId: salon.staff.oliver }]);
    await call.client.close();
  });

  it('leaves no appointment the caller rejected and then gave up', async () => {
    const from = '+4917655504444';
    const call = await bookAs(from, 'Herrenhaarschnitt am Mittwoch um zwölf bei Oliver', 'Nina Roth');
    expect((await call.say('ach nee, das passt doch nicht')).text).toMatch(/Auf wann soll ich den Termin stattdessen legen\?/);
    const bye = await call.say('dann lassen wir das, tschüss');
    expect(bye.text).toMatch(/^In Ordnung, dann sage ich den Termin .* wieder ab\. .*Ich habe Ihren Termin abgesagt/);
    expect(bye.final).toMatchObject({ end_call: true });
    expect(await bookedFor(from)).toEqual([]);
    await call.client.close();
  });

  it('ends a booking the caller talked over as exactly one appointment at the latest wish, and sends nothing more for the old response id', async () => {
    const from = '+4917655505555';
    const call = await dial(from);
    await call.say('Damenhaarschnitt am Donnerstag um zehn bei Emma');
    await call.say('ja');
    await call.say('Maja Lind');
    // The caller's "ja" starts the booking; while it is written they barge in with another time.
    call.transcript.push(user('ja'));
    const bookingId = call.nextId();
    const since = call.client.frames.length;
    call.client.requestResponse(bookingId, [...call.transcript]);
    await call.client.waitFor((f) => f.response_type === 'response' && f.response_id === bookingId && f.content.includes('ich trage das ein'), {
      since,
      what: 'the booking filler',
    });
    call.transcript.push(user('nein warten sie, lieber um elf'));
    const newerId = call.nextId();
    const newerAt = call.client.frames.length;
    const reply = await call.client.ask(newerId, [...call.transcript], { timeoutMs: 10_000 });
    expect(reply.text).toContain('Ich habe Ihren Termin verschoben: Damenhaarschnitt jetzt am Donnerstag, dem 26. November, um 11 Uhr bei Emma.');
    expect(await bookedFor(from)).toEqual([{ at: '2026-11-26T11:00', staffId: salon.staff.emma }]);
    // Once the newer request went out, nothing more came under the old id.
    const late = call.client.frames.slice(newerAt).filter((f: OutboundFrame) => f.response_type === 'response' && f.response_id === bookingId);
    expect(late).toEqual([]);
    expect(call.client.violations).toEqual([]);
    await call.client.close();
  });

  it('moves a booking the caller talked over after its whole answer was sent: one appointment at the latest wish', async () => {
    const from = '+4917655506666';
    const call = await dial(from);
    await call.say('Herrenhaarschnitt am Freitag um zehn bei Fabian');
    await call.say('ja');
    await call.say('Tom Berger');
    // Every frame of the booking's answer went out; the caller cut in after the filler, so Retell's transcript
    // holds only that much of the agent's words.
    call.transcript.push(user('ja'));
    const bookingId = call.nextId();
    const booked = await call.client.ask(bookingId, [...call.transcript], { timeoutMs: 10_000 });
    expect(booked.text).toContain('Ihr Termin ist eingetragen');
    call.transcript.push(agent('Einen Moment, ich trage das ein.'));
    call.transcript.push(user('Moment, doch halb zwölf'));
    const newerId = call.nextId();
    const newerAt = call.client.frames.length;
    const reply = await call.client.ask(newerId, [...call.transcript], { timeoutMs: 10_000 });
    expect(reply.text).toMatch(
      /^Ihr Termin ist eingetragen: .* Kein Problem, dann verlege ich den Termin\. .*Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt morgen um halb zwölf bei Fabian\./,
    );
    expect(await bookedFor(from)).toEqual([{ at: '2026-11-20T11:30', staffId: salon.staff.fabian }]);
    const old = call.client.frames.slice(newerAt).filter((f: OutboundFrame) => f.response_type === 'response' && f.response_id === bookingId);
    expect(old).toEqual([]);
    expect(call.client.violations).toEqual([]);
    await call.client.close();
  });

  it('books nothing on a "ja" said over the lookup: the unheard offer is said, and the latest answer to it books once', async () => {
    const from = '+4917655507777';
    const call = await dial(from);
    call.transcript.push(user('Damenhaarschnitt am Samstag um zehn bei Emma'));
    const lookupId = call.nextId();
    const since = call.client.frames.length;
    call.client.requestResponse(lookupId, [...call.transcript]);
    await call.client.waitFor((f) => f.response_type === 'response' && f.response_id === lookupId, { since, what: 'the lookup filler' });
    call.transcript.push(agent('Einen Moment, ich schaue kurz nach.'));
    call.transcript.push(user('ja genau'));
    const newerId = call.nextId();
    const newerAt = call.client.frames.length;
    const reply = await call.client.ask(newerId, [...call.transcript], { timeoutMs: 10_000 });
    call.transcript.push(agent(reply.text));
    expect(reply.text).toMatch(/^Am Samstag um 10 Uhr .*Emma.*eintragen\?\s*$/);
    const old = call.client.frames.slice(newerAt).filter((f: OutboundFrame) => f.response_type === 'response' && f.response_id === lookupId);
    expect(old).toEqual([]);
    expect(await bookedFor(from)).toEqual([]);
    await call.say('ja');
    await call.say('Ida Falk');
    expect((await call.say('ja')).text).toContain('Ihr Termin ist eingetragen');
    expect(await bookedFor(from)).toEqual([{ at: '2026-11-21T10:00', staffId: salon.staff.emma }]);
    await call.client.close();
  });
});
