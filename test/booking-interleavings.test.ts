import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { cancelAppointment } from '../src/booking/cancel-appointment.js';
import { confirmHold } from '../src/booking/confirm-hold.js';
import { holdSlot } from '../src/booking/hold-slot.js';
import type { BookingOutcome } from '../src/booking/outcomes.js';
import { rescheduleAppointment } from '../src/booking/reschedule-appointment.js';
import type { Database } from '../src/db/database.js';
import { appointments } from '../src/db/schema.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { berlin, bookingDeps, caller, key, overlappingActiveSegments, phone } from './support/booking.js';
import { openTestPostgres } from './support/databases.js';

const TIMES = ['10:00', '10:15', '10:30', '11:00', '14:00'];
const STAFF = ['emma', 'fabian', 'oliver', 'any'] as const;
const SERVICES = ['herrenhaarschnitt', 'damenhaarschnitt', 'ansatzfaerbung'] as const;

const Slot = fc.record({ time: fc.constantFrom(...TIMES), staff: fc.constantFrom(...STAFF), service: fc.constantFrom(...SERVICES) });
const Command = fc.oneof(
  Slot.map((s) => ({ op: 'book' as const, ...s })),
  Slot.map((s) => ({ op: 'hold' as const, ...s })),
  fc.constant({ op: 'confirm' as const }),
  fc.constant({ op: 'cancel' as const }),
  fc.record({ op: fc.constant('reschedule' as const), time: fc.constantFrom(...TIMES) }),
  fc.constant({ op: 'wait' as const }),
);
const Script = fc.array(fc.array(Command, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 });
type Command = typeof Command extends fc.Arbitrary<infer C> ? C : never;

describe('random interleavings of hold, confirm, book, cancel and reschedule', () => {
  let database: Database;

  beforeAll(() => {
    database = openTestPostgres(20);
  });
  afterAll(async () => {
    await database.close();
  });

  it('never leaves overlapping active segments, and the database holds exactly the bookings callers were told about', async () => {
    await fc.assert(
      fc.asyncProperty(Script, async (script) => {
        const salon: TestBusiness = await createTestSalon(database.db);
        const { deps, clock } = bookingDeps(database, { holdTtlSeconds: 60 });

        /** Each simulated caller runs its commands in order; callers run at the same time. */
        const runCaller = async (commands: Command[]) => {
          const number = phone();
          const told = new Set<string>();
          let lastHold: string | null = null;
          let lastBooking: string | null = null;
          const remember = (o: BookingOutcome) => {
            if (o.kind === 'booked' || o.kind === 'rescheduled') {
              told.add(o.appointment.id);
              lastBooking = o.appointment.id;
              if (o.appointment.rescheduledFromId) told.delete(o.appointment.rescheduledFromId);
            }
            if (o.kind === 'held') lastHold = o.appointment.id;
          };
          for (const c of commands) {
            if (c.op === 'wait') {
              clock.advance(45_000);
              continue;
            }
            if (c.op === 'book' || c.op === 'hold') {
              const input = {
                businessId: salon.id,
                serviceId: salon.services[c.service],
                ...(c.staff === 'any' ? {} : { staffId: salon.staff[c.staff] }),
                startsAt: berlin(`2030-03-06T${c.time}`),
                idempotencyKey: key(),
                source: 'phone' as const,
                actor: caller,
              };
              remember(c.op === 'book' ? await bookAppointment(deps, { ...input, customer: { phone: number } }) : await holdSlot(deps, input));
            } else if (c.op === 'confirm' && lastHold) {
              remember(await confirmHold(deps, { appointmentId: lastHold, customer: { phone: number }, actor: caller }));
            } else if (c.op === 'cancel' && lastBooking) {
              const o = await cancelAppointment(deps, { appointmentId: lastBooking, actor: caller });
              if (o.kind === 'cancelled') told.delete(lastBooking);
            } else if (c.op === 'reschedule' && lastBooking) {
              remember(
                await rescheduleAppointment(deps, { appointmentId: lastBooking, startsAt: berlin(`2030-03-06T${c.time}`), source: 'phone', actor: caller }),
              );
            }
          }
          return told;
        };

        const toldSets = await Promise.all(script.map(runCaller));
        const told = toldSets.flatMap((s) => [...s]).sort();
        const booked = await database.db
          .select({ id: appointments.id })
          .from(appointments)
          .where(and(eq(appointments.businessId, salon.id), eq(appointments.status, 'booked')));
        expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
        expect(booked.map((b) => b.id).sort()).toEqual(told);
      }),
      { numRuns: 25 },
    );
  });
});
