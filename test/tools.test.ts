import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { appointments, calls, customers } from '../src/db/schema.js';
import { runTool as run } from '../src/tools/run-tool.js';
import type { LooseToolResult, ToolContext } from '../src/tools/tool-context.js';
import { TOOL_RESULTS } from '../src/tools/results.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { bookingDeps, localTime } from './support/booking.js';
import { engines } from './support/databases.js';

/** Every answer keeps to its function's output schema; the tests then read it field by field. */
const runTool = async (...args: Parameters<typeof run>) => {
  const [, name] = args;
  return TOOL_RESULTS[name].parse(await run(...args)) as LooseToolResult;
};

// Thursday 2026-11-19 09:00 in Berlin, the reference day of the German time rules.
const NOW = '2026-11-19T08:00:00Z';

describe.each(engines)('the booking tools on $name', ({ open }) => {
  let database: Database;
  let salon: TestBusiness;
  let deps: ReturnType<typeof bookingDeps>['deps'];

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  const fresh = async () => {
    salon = await createTestSalon(database.db);
    deps = bookingDeps(database, { now: NOW }).deps;
  };
  const ctxFor = (callId: string | null, callerNumber: string | null = '+4917612345678'): ToolContext => ({
    deps,
    businessId: salon.id,
    callId,
    callerNumber,
    source: 'function',
  });

  it('offers the exact slot in speakable German and holds it for the call', async () => {
    await fresh();
    const callId = randomUUID();
    const r = await runTool(ctxFor(callId), 'check_availability', {
      dienstleistung: 'Herrenschnitt',
      datum: 'nächsten Dienstag',
      uhrzeit: 'halb drei',
      mitarbeiter: 'bei der Emma',
    });
    expect(r).toMatchObject({ ok: true, available: true, held: 1 });
    expect(r.result).toBe(
      'Am Dienstag, dem 24. November, um halb drei ist bei Emma ein Termin für einen Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?',
    );
    const held = await database.db.select().from(appointments).where(eq(appointments.callId, callId));
    expect(held.map((a) => [a.status, a.staffId, localTime(a.startsAt)])).toEqual([['held', salon.staff.emma, '2026-11-24T14:30']]);
  });

  it('does not offer a slot another call is holding, and offers the nearest alternatives instead', async () => {
    await fresh();
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-24', uhrzeit: '14:30', mitarbeiter: 'Emma' };
    await runTool(ctxFor(randomUUID()), 'check_availability', args);
    const second = await runTool(ctxFor(randomUUID()), 'check_availability', args);
    expect(second).toMatchObject({ ok: true, available: false, reason: 'taken' });
    expect(second.result).toBe(
      'Zu der Zeit ist Emma leider schon ausgebucht. Bei Emma könnte ich Ihnen am Dienstag, dem 24. November, um 14 Uhr oder um 15 Uhr anbieten. Was passt Ihnen besser?',
    );
    const alternatives = second.alternatives as Array<{ start: string; staff_id: string }>;
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((a) => a.staff_id === salon.staff.emma && a.start !== '2026-11-24T13:30:00.000Z')).toBe(true);
  });

  it('books the held slot, links call, customer and appointment, and answers a repeat with the same booking', async () => {
    await fresh();
    const callId = randomUUID();
    await runTool(ctxFor(callId), 'check_availability', { dienstleistung: 'Ansatz Färbung', datum: '2026-11-25', uhrzeit: '10:00', mitarbeiter: 'Oliver' });
    const args = { dienstleistung: 'Ansatzfärbung', datum: '2026-11-25', uhrzeit: '10:00', mitarbeiter: 'Oliver', name: 'Maria Schmidt' };
    const booked = await runTool(ctxFor(callId), 'book_appointment', args);
    expect(booked).toMatchObject({ ok: true, booked: true });
    expect(booked.result).toBe('Ihr Termin ist eingetragen: Ansatzfärbung am Mittwoch, dem 25. November, um 10 Uhr bei Oliver.');
    const again = await runTool(ctxFor(callId), 'book_appointment', args);
    expect(again.appointment_id).toBe(booked.appointment_id);
    const rows = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked')));
    expect(rows).toHaveLength(1);
    const [call] = await database.db.select().from(calls).where(eq(calls.id, callId));
    expect(call).toMatchObject({ outcome: 'booked', appointmentId: booked.appointment_id, businessId: salon.id });
    const [customer] = await database.db.select().from(customers).where(eq(customers.id, rows[0]!.customerId!));
    expect(customer).toMatchObject({ name: 'Maria Schmidt', phoneE164: '+4917612345678', appointmentCount: 1 });
    expect(
      await database.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.callId, callId), eq(appointments.status, 'held'))),
    ).toHaveLength(0);
  });

  it('answers unknown services, unknown staff, impossible dates and missing fields with a sentence, writing nothing', async () => {
    await fresh();
    const ctx = ctxFor(randomUUID());
    expect(await runTool(ctx, 'check_availability', { dienstleistung: 'Dauerwelle mit Glitzer' })).toMatchObject({ ok: false, error: 'unknown_service' });
    expect(await runTool(ctx, 'check_availability', { dienstleistung: 'Herrenhaarschnitt', mitarbeiter: 'Günther' })).toMatchObject({
      ok: false,
      error: 'unknown_staff',
    });
    expect(await runTool(ctx, 'check_availability', { dienstleistung: 'Herrenhaarschnitt', datum: '2026-02-30' })).toMatchObject({
      ok: false,
      error: 'invalid_date',
    });
    // An impossible or unreadable date in words is refused, not read as today because a time came with it.
    for (const datum of ['30. Februar', 'am 31. April', 'blablub']) {
      const answer = await runTool(ctx, 'check_availability', { dienstleistung: 'Herrenhaarschnitt', datum, uhrzeit: '10:00' });
      expect(answer).toMatchObject({ ok: false, error: 'invalid_date', result: `Ich habe "${datum}" nicht als Datum verstanden.` });
    }
    expect(await runTool(ctx, 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum: '30. Februar', uhrzeit: '10:00', name: 'X' })).toMatchObject({
      ok: false,
      error: 'invalid_date',
    });
    expect(await runTool(ctx, 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-24' })).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      fields: ['uhrzeit', 'name'],
      result: 'Um welche Uhrzeit möchten Sie den Termin?',
    });
    expect(
      await runTool(ctxFor(randomUUID(), null), 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-24', uhrzeit: '10:00', name: 'X' }),
    ).toMatchObject({ error: 'phone_required' });
    expect(await database.db.select().from(appointments).where(eq(appointments.businessId, salon.id))).toHaveLength(0);
  });

  it('reads an empty, "egal" or "keine Präferenz" mitarbeiter as no preference, and an empty telefon as the calling number', async () => {
    await fresh();
    // One hour each: an offer holds its slot for the call, and the next caller would get alternatives.
    for (const [i, mitarbeiter] of ['', '  ', 'egal', 'keine Präferenz'].entries()) {
      const uhrzeit = `${13 + i}:00`;
      const answer = await runTool(ctxFor(randomUUID()), 'check_availability', {
        dienstleistung: 'Herrenhaarschnitt',
        datum: '2026-11-24',
        uhrzeit,
        mitarbeiter,
      });
      expect(answer, mitarbeiter).toMatchObject({ ok: true, available: true });
    }
    const booked = await runTool(ctxFor(randomUUID()), 'book_appointment', {
      dienstleistung: 'Herrenhaarschnitt',
      datum: '2026-11-24',
      uhrzeit: '11:00',
      mitarbeiter: '',
      name: 'Maria Schmidt',
      telefon: '',
    });
    expect(booked).toMatchObject({ ok: true, booked: true });
    const [row] = await database.db
      .select({ phone: customers.phoneE164 })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .where(eq(appointments.id, booked.appointment_id as string));
    expect(row?.phone).toBe('+4917612345678');
  });

  it('asks for what a call lacks in words a caller can hear, never by the argument names', async () => {
    await fresh();
    const ctx = ctxFor(randomUUID());
    const answers = [
      await runTool(ctx, 'check_availability', {}),
      await runTool(ctx, 'check_availability', { dienstleistung: 'Herrenhaarschnitt', mitarbeiter: 'x'.repeat(101) }),
      await runTool(ctx, 'book_appointment', { dienstleistung: 'Herrenhaarschnitt' }),
      await runTool(ctx, 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum: 'morgen', uhrzeit: '10:00', name: '' }),
      await runTool(ctx, 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum: 'morgen', uhrzeit: '10:00', name: 'A', telefon: 'x'.repeat(41) }),
      await runTool(ctx, 'reschedule_appointment', { uhrzeit: '10:00' }),
      await runTool(ctx, 'cancel_appointment', { datum: 'x'.repeat(101) }),
      await runTool(ctx, 'check_availability', 'Herrenhaarschnitt morgen'),
    ];
    expect(answers.map((a) => a.result)).toEqual([
      'Für welche Leistung möchten Sie einen Termin?',
      'Bei wem möchten Sie den Termin?',
      'Für welchen Tag und welche Uhrzeit möchten Sie den Termin?',
      'Auf welchen Namen darf ich den Termin eintragen?',
      'Unter welcher Telefonnummer erreichen wir Sie?',
      'Auf welchen Tag soll ich den Termin verschieben?',
      'An welchem Tag ist der Termin, den Sie absagen möchten?',
      'Entschuldigung, das habe ich nicht ganz verstanden. Worum geht es?',
    ]);
    for (const a of answers) expect(a.result).not.toMatch(/\b(dienstleistung|datum|uhrzeit|mitarbeiter|name|telefon|alter_termin)\b/);
  });

  it('holds the alternatives it offers after a lost booking, so the next caller is not sent to the same slot', async () => {
    await fresh();
    const args = { dienstleistung: 'Herrenhaarschnitt', datum: '2026-11-25', uhrzeit: '10:00', mitarbeiter: 'Emma', name: 'A' };
    expect((await runTool(ctxFor(randomUUID(), '+4917611111111'), 'book_appointment', args)).booked).toBe(true);
    const loser = randomUUID();
    const lost = await runTool(ctxFor(loser, '+4917622222222'), 'book_appointment', { ...args, name: 'B' });
    expect(lost).toMatchObject({ booked: false, error: 'slot_taken' });
    const alternatives = lost.alternatives as Array<{ start: string }>;
    expect(alternatives.length).toBeGreaterThan(0);
    const held = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.callId, loser), eq(appointments.status, 'held')));
    expect(held.map((h) => h.startsAt.toISOString()).sort()).toEqual(alternatives.map((a) => a.start).sort());
  });

  it('says which day is closed and why, and offers the wished time on the nearest open days first', async () => {
    await fresh();
    const starts = (r: Record<string, unknown>) => (r.alternatives as Array<{ start: string }>).map((a) => localTime(new Date(a.start)));
    const monday = await runTool(ctxFor(randomUUID()), 'check_availability', { dienstleistung: 'Damenhaarschnitt', datum: 'Montag', uhrzeit: '10 Uhr' });
    expect(monday).toMatchObject({ available: false, reason: 'closed_day' });
    expect(monday.result).toMatch(/^Montags haben wir leider geschlossen\. .*\?$/);
    // Tuesday is one day after, Saturday two before: both at ten, before any other time.
    expect(starts(monday).slice(0, 2)).toEqual(['2026-11-24T10:00', '2026-11-21T10:00']);

    const sunday = await runTool(ctxFor(randomUUID()), 'check_availability', { dienstleistung: 'Herrenhaarschnitt', datum: 'Sonntag', uhrzeit: 'um elf' });
    expect(sunday.result).toMatch(/^Sonntags haben wir leider geschlossen\. .*am Samstag, dem 21\. November, um 11 Uhr.*\?$/);
    expect(starts(sunday).slice(0, 2)).toEqual(['2026-11-21T11:00', '2026-11-24T11:00']);

    const christmas = await runTool(ctxFor(randomUUID()), 'check_availability', { dienstleistung: 'Herrenhaarschnitt', datum: '2026-12-25', uhrzeit: '10:00' });
    expect(christmas).toMatchObject({ available: false, reason: 'closed_day' });
    expect(christmas.result).toMatch(/^Am 25\. Dezember ist erster Weihnachtstag, da haben wir geschlossen\. .*am Donnerstag, dem 24\. Dezember, um 10 Uhr/);

    // Booked directly, without an offer first: the same reason, the same day before first.
    const direct = await runTool(ctxFor(randomUUID()), 'book_appointment', {
      dienstleistung: 'Herrenhaarschnitt',
      datum: '2026-11-22',
      uhrzeit: '11:00',
      name: 'Jonas Weber',
    });
    expect(direct).toMatchObject({ ok: true, booked: false, error: 'closed_day' });
    expect(direct.result).toMatch(/^Sonntags haben wir leider geschlossen\. .*\?$/);
    expect(starts(direct)[0]).toBe('2026-11-21T11:00');
  });

  it("cancels the caller's only appointment by phone number and asks which one when there are several", async () => {
    await fresh();
    const book = (datum: string) =>
      runTool(ctxFor(randomUUID()), 'book_appointment', { dienstleistung: 'Herrenhaarschnitt', datum, uhrzeit: '11:00', name: 'Jonas Weber' });
    const first = await book('2026-11-24');
    const callId = randomUUID();
    const cancelled = await runTool(ctxFor(callId), 'cancel_appointment', {});
    expect(cancelled).toMatchObject({ ok: true, cancelled: true, appointment_id: first.appointment_id });
    expect(cancelled.result).toMatch(/^Ich habe Ihren Termin abgesagt: Herrenhaarschnitt am Dienstag, dem 24\. November, um 11 Uhr bei /);
    const [call] = await database.db.select().from(calls).where(eq(calls.id, callId));
    expect(call?.outcome).toBe('cancelled_appointment');
    await book('2026-11-25');
    await book('2026-11-26');
    const ask = await runTool(ctxFor(randomUUID()), 'cancel_appointment', {});
    expect(ask).toMatchObject({ error: 'several_appointments' });
    expect(ask.result).toMatch(/^Ich finde mehrere Termine: .* Welchen meinen Sie\?$/);
    const byDay = await runTool(ctxFor(randomUUID()), 'cancel_appointment', { datum: '2026-11-26' });
    expect(byDay).toMatchObject({ cancelled: true });
  });

  it('changes only appointments of the number the call comes from, whatever number the caller names', async () => {
    await fresh();
    const victim = '+4917655550000';
    const booked = await runTool(ctxFor(randomUUID(), victim), 'book_appointment', {
      dienstleistung: 'Herrenhaarschnitt',
      datum: '2026-11-24',
      uhrzeit: '10:00',
      name: 'Eva Klein',
    });
    expect(booked.booked).toBe(true);
    const stranger = ctxFor(randomUUID(), '+4917699998888');
    expect(await runTool(stranger, 'cancel_appointment', { telefon: victim })).toMatchObject({ error: 'no_appointment' });
    expect(await runTool(stranger, 'reschedule_appointment', { datum: '2026-11-27', uhrzeit: '10:00', telefon: victim })).toMatchObject({
      error: 'no_appointment',
    });
    expect(await runTool(ctxFor(randomUUID(), null), 'cancel_appointment', { telefon: victim })).toMatchObject({ ok: false, error: 'phone_required' });
    const [row] = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, booked.appointment_id as string));
    expect(row).toMatchObject({ status: 'booked' });
    expect(localTime(row!.startsAt)).toBe('2026-11-24T10:00');
  });

  it('moves an appointment and keeps the staff member', async () => {
    await fresh();
    const booked = await runTool(ctxFor(randomUUID()), 'book_appointment', {
      dienstleistung: 'Herrenhaarschnitt',
      datum: '2026-11-24',
      uhrzeit: '10:00',
      mitarbeiter: 'Fabian',
      name: 'Jonas Weber',
    });
    expect(booked.booked).toBe(true);
    const moved = await runTool(ctxFor(randomUUID()), 'reschedule_appointment', { datum: '2026-11-27', uhrzeit: 'halb drei' });
    expect(moved).toMatchObject({ ok: true, rescheduled: true });
    expect(moved.result).toBe('Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Freitag, dem 27. November, um halb drei bei Fabian.');
    const active = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked')));
    expect(active.map((a) => [a.staffId, localTime(a.startsAt)])).toEqual([[salon.staff.fabian, '2026-11-27T14:30']]);
  });
});
