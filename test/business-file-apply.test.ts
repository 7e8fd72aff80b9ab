import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addTimeOff } from '../src/booking/add-time-off.js';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { lockStaffCalendars } from '../src/booking/in-staff-transaction.js';
import { findOpenSlots } from '../src/booking/find-open-slots.js';
import { loadCalendar } from '../src/booking/load-calendar.js';
import { loadDirectory } from '../src/booking/load-directory.js';
import { RulesCache } from '../src/booking/rules-cache.js';
import { applyBusinessFile, type ApplyOutcome } from '../src/business-file/apply-business-file.js';
import { DEMO_FILES } from '../src/business-file/demo-businesses.js';
import { exportBusiness } from '../src/business-file/export-business.js';
import { seedDemo } from '../src/business-file/seed-demo.js';
import { businessIdFor, rowIdFor } from '../src/business-file/stable-ids.js';
import { runBusiness } from '../src/cli/business.js';
import { createFixedClock } from '../src/clock.js';
import type { Database, Db } from '../src/db/database.js';
import { rowsOf } from '../src/db/rows.js';
import { appointments, businesses, services, staff, staffTimeOff } from '../src/db/schema.js';
import { bookingDeps, caller, key, phone } from './support/booking.js';
import { memoryIo } from './support/cli-io.js';
import { engines, openTestPostgres } from './support/databases.js';

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', 'examples', 'physio-hofer-wien.yaml'), 'utf8');
const NOW = new Date('2027-04-26T06:00:00Z'); // Monday 08:00 in Vienna
const vienna = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Vienna' }).toJSDate();

/** The Vienna example under a slug and number of its own, so tests sharing a database never meet. */
function physio(change: (text: string) => string = (t) => t) {
  const slug = `physio-${randomUUID().slice(0, 8)}`;
  const number = `01 ${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const text = change(EXAMPLE.replace('slug: physio-hofer-wien', `slug: ${slug}`).replace('"01 2345670"', `"${number}"`));
  return { slug, text, id: businessIdFor(slug) };
}

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no '${from}' in the file`);
  return text.replace(from, to);
};

/** Every row a business file defines for a business, as stored (timestamps and rules version included). */
async function dump(db: Db, businessId: string): Promise<string> {
  const query = async (q: ReturnType<typeof sql>) => rowsOf<unknown>(await db.execute(q));
  return JSON.stringify({
    business: await query(sql`select * from businesses where id = ${businessId}`),
    services: await query(sql`select * from services where business_id = ${businessId} order by id`),
    staff: await query(sql`select * from staff where business_id = ${businessId} order by id`),
    links: await query(sql`select ss.* from staff_services ss join staff s on s.id = ss.staff_id where s.business_id = ${businessId} order by 1, 2`),
    timeOff: await query(sql`select t.* from staff_time_off t join staff s on s.id = t.staff_id where s.business_id = ${businessId} order by t.id`),
    closures: await query(sql`select * from closures where business_id = ${businessId} order by id`),
  });
}

const kind = (o: ApplyOutcome) => o.kind;

describe.each(engines)('applying a business file on $name', ({ open }) => {
  let database: Database;
  const apply = (text: string, options: { dryRun?: boolean; forceArchive?: boolean; now?: Date } = {}) =>
    applyBusinessFile(database.db, text, { now: NOW, ...options });

  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates the business, and a second apply of the same file changes no row, not even a timestamp or the rules version', async () => {
    const p = physio();
    expect(kind(await apply(p.text))).toBe('applied');
    const first = await dump(database.db, p.id);
    const again = await apply(p.text, { now: new Date(NOW.getTime() + 3_600_000) });
    expect(kind(again)).toBe('unchanged');
    expect(await dump(database.db, p.id)).toBe(first);
    // Ids follow from slug and key.
    const [row] = await database.db
      .select()
      .from(services)
      .where(eq(services.id, rowIdFor(p.slug, 'service', 'fango-massage')));
    expect(row).toMatchObject({ key: 'fango-massage', businessId: p.id, durationMinutes: 50, priceCents: 6500, grammaticalGender: 'f' });
  });

  it('exports a file that applies as nothing, and exports it again the same', async () => {
    const p = physio();
    await apply(p.text);
    const before = await dump(database.db, p.id);
    const exported = await exportBusiness(database.db, p.slug, NOW, { format: 'yaml', schemaRef: 'schema/business.schema.json' });
    expect(exported).not.toBeNull();
    expect(kind(await apply(exported!))).toBe('unchanged');
    expect(await dump(database.db, p.id)).toBe(before);
    expect(await exportBusiness(database.db, p.slug, NOW, { format: 'yaml', schemaRef: 'schema/business.schema.json' })).toBe(exported);
    const json = await exportBusiness(database.db, p.slug, NOW, { format: 'json', schemaRef: 'schema/business.schema.json' });
    expect(kind(await apply(json!))).toBe('unchanged');
  });

  it('refuses an invalid file with its lines and fields, and changes nothing', async () => {
    const p = physio();
    await apply(p.text);
    const before = await dump(database.db, p.id);
    const broken = edit(p.text, 'tue: ["07:30-19:00"]', 'tue: ["7:30-19"]');
    const outcome = await apply(broken);
    if (outcome.kind !== 'invalid') throw new Error(outcome.kind);
    expect(outcome.errors).toEqual([{ line: 30, path: 'opening_hours.tue[0]', message: "'7:30-19' is no time range, write 07:30-19:00" }]);
    const second = await apply(edit(p.text, 'services: [heilmassage, fango-massage, lymphdrainage]', 'services: [heilmassage, fango, lymphdrainage]'));
    expect(second.kind === 'invalid' && second.errors).toEqual([
      { line: 92, path: 'staff[1].services[1]', message: "no service has the key 'fango'; did you mean 'fango-massage'?" },
    ]);
    expect(await dump(database.db, p.id)).toBe(before);
  });

  it('prints what a dry run would change and writes nothing', async () => {
    const p = physio();
    expect(kind(await apply(p.text, { dryRun: true }))).toBe('planned');
    expect(await database.db.select().from(businesses).where(eq(businesses.id, p.id))).toEqual([]);
    await apply(p.text);
    const before = await dump(database.db, p.id);
    const t = memoryIo();
    const dir = mkdtempSync(join(tmpdir(), 'business-file-'));
    try {
      const file = join(dir, 'physio.yaml');
      writeFileSync(file, edit(edit(p.text, 'price_eur: 50', 'price_eur: 55'), '  fri: ["07:30-14:00"]\n\nclosures', '  fri: ["07:30-13:00"]\n\nclosures'));
      const code = await runBusiness(['apply', file, '--dry-run'], t.streams, { database, clock: createFixedClock(NOW.toISOString()) });
      expect(code).toBe(0);
      expect(t.out()).toBe(
        [
          `${p.slug} (Physiotherapie Hofer): would change`,
          '  ~ opening_hours.fri: 07:30-14:00 → 07:30-13:00',
          '  ~ service heilmassage: price_eur: 50 → 55',
          'dry run: nothing written',
          '',
        ].join('\n'),
      );
      expect(await dump(database.db, p.id)).toBe(before);
      // The same through the CLI for real, then an export to a file that applies as nothing.
      expect(await runBusiness(['apply', file], memoryIo().streams, { database, clock: createFixedClock(NOW.toISOString()) })).toBe(0);
      const out = join(dir, 'exported.yaml');
      expect(await runBusiness(['export', p.slug, '--out', out], memoryIo().streams, { database, clock: createFixedClock(NOW.toISOString()) })).toBe(0);
      const exported = readFileSync(out, 'utf8');
      expect(exported.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/business\.schema\.json$/);
      expect(kind(await apply(exported))).toBe('unchanged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to remove a therapist with a booked appointment ahead, then with --force-archive stops offering them and keeps it', async () => {
    const p = physio();
    await apply(p.text);
    const { deps } = bookingDeps(database, { now: NOW.toISOString() });
    const booked = await bookAppointment(deps, {
      businessId: p.id,
      serviceId: rowIdFor(p.slug, 'service', 'heilmassage'),
      staffId: rowIdFor(p.slug, 'staff', 'gruber'),
      startsAt: vienna('2027-04-27T10:00'),
      customer: { phone: phone(), name: 'Anna Huber' },
      idempotencyKey: key(),
      source: 'phone',
      actor: caller,
    });
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    const without = p.text.slice(0, p.text.indexOf('  - key: gruber'));
    const before = await dump(database.db, p.id);
    const refused = await apply(without);
    expect(kind(refused)).toBe('refused');
    expect(refused.kind === 'refused' && refused.plan.refusals[0]?.appointments.map((a) => a.id)).toEqual([booked.appointment.id]);
    expect(await dump(database.db, p.id)).toBe(before);

    const t = memoryIo();
    const dir = mkdtempSync(join(tmpdir(), 'business-file-'));
    try {
      writeFileSync(join(dir, 'p.yaml'), without);
      expect(await runBusiness(['apply', join(dir, 'p.yaml')], t.streams, { database, clock: createFixedClock(NOW.toISOString()) })).toBe(1);
      expect(t.err()).toContain(
        `  staff gruber (David Gruber) is removed, but has 1 booked appointment ahead:\n    Tue 2027-04-27 10:00  Heilmassage  David Gruber  appointment ${booked.appointment.id}\n`,
      );
      expect(t.err()).not.toContain('Anna Huber');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    expect(kind(await apply(without, { forceArchive: true }))).toBe('applied');
    const [gruber] = await database.db
      .select()
      .from(staff)
      .where(eq(staff.id, rowIdFor(p.slug, 'staff', 'gruber')));
    expect(gruber).toMatchObject({ active: false, key: 'gruber' });
    const [kept] = await database.db.select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(kept).toMatchObject({ status: 'booked', staffId: gruber!.id });
    expect((await loadDirectory(database.db, p.id))!.staff.map((m) => m.name)).toEqual(['Mag. Lena Hofer']);
    // Archived: the file no longer has him, so the same file again changes nothing, and export leaves him out.
    expect(kind(await apply(without))).toBe('unchanged');
    expect(await exportBusiness(database.db, p.slug, NOW, { format: 'yaml', schemaRef: 's' })).not.toContain('gruber');
  });

  it('reports a booked appointment that new hours no longer cover, keeps it, and a running cache sees the new hours', async () => {
    const p = physio();
    await apply(p.text);
    const { deps } = bookingDeps(database, { now: NOW.toISOString() });
    const fango = rowIdFor(p.slug, 'service', 'fango-massage');
    const hofer = rowIdFor(p.slug, 'staff', 'hofer');
    const booked = await bookAppointment(deps, {
      businessId: p.id,
      serviceId: fango,
      staffId: hofer,
      startsAt: vienna('2027-04-27T17:00'),
      customer: { phone: phone(), name: 'Karl Wagner' },
      idempotencyKey: key(),
      source: 'phone',
      actor: caller,
    });
    if (booked.kind !== 'booked') throw new Error(booked.kind);
    const cache = new RulesCache();
    const window = { from: vienna('2027-04-27T00:00').getTime(), to: vienna('2027-04-28T00:00').getTime(), now: NOW.getTime() };
    const lastStart = async () => {
      const calendar = await loadCalendar({ db: database.db, rules: cache }, p.id, window);
      const slots = findOpenSlots(calendar!, { serviceId: fango, staffId: hofer, ...window });
      return DateTime.fromMillis(slots[slots.length - 1]!.startsAt, { zone: 'Europe/Vienna' }).toFormat('HH:mm');
    };
    expect(await lastStart()).toBe('18:00');
    const [{ version } = { version: 0 }] = await database.db.select({ version: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, p.id));

    const shorter = edit(p.text, 'tue: ["07:30-12:00", "13:00-19:00"]', 'tue: ["07:30-12:00", "13:00-16:00"]');
    const outcome = await apply(shorter);
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.plan.uncovered).toEqual([expect.objectContaining({ id: booked.appointment.id, reasons: ['staff_hours'] })]);
    const [kept] = await database.db.select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(kept?.status).toBe('booked');
    const [after] = await database.db.select({ version: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, p.id));
    expect(after!.version).toBeGreaterThan(version);
    // The cache that held the old hours reads the new ones on its next use.
    expect(await lastStart()).toBe('15:00');
  });

  it('raises the rules version for a change no trigger watches (the name), and refuses a number another business has', async () => {
    const p = physio();
    await apply(p.text);
    const version = async () => (await database.db.select({ v: businesses.rulesVersion }).from(businesses).where(eq(businesses.id, p.id)))[0]!.v;
    const first = await version();
    expect(kind(await apply(edit(p.text, 'name: Physiotherapie Hofer', 'name: Physio Hofer')))).toBe('applied');
    expect(await version()).toBeGreaterThan(first);

    const other = physio();
    const number = /phone_numbers: \["([^"]+)"\]/.exec(p.text)![1]!;
    const clash = await apply(edit(other.text, /phone_numbers: \["[^"]+"\]/.exec(other.text)![0], `phone_numbers: ["${number}"]`));
    expect(clash.kind === 'invalid' && clash.errors).toEqual([
      { line: 11, path: 'business.phone_numbers[0]', message: expect.stringContaining(`already routes calls to ${p.slug}`) },
    ]);
    expect(await database.db.select().from(businesses).where(eq(businesses.id, other.id))).toEqual([]);
  });

  it('leaves a sick day entered through the API alone: a later apply keeps it, and an export does not write it', async () => {
    const p = physio();
    await apply(p.text);
    const before = await exportBusiness(database.db, p.slug, NOW, { format: 'yaml', schemaRef: 'schema/business.schema.json' });
    const sick = await addTimeOff(bookingDeps(database, { now: NOW.toISOString() }).deps, {
      businessId: p.id,
      staffId: rowIdFor(p.slug, 'staff', 'hofer'),
      startsAt: vienna('2027-04-28T00:00'),
      endsAt: vienna('2027-04-29T00:00'),
      reason: 'krank',
      actor: { type: 'admin', id: null },
    });
    expect(sick.kind).toBe('added');
    expect(kind(await apply(p.text))).toBe('unchanged');
    const kept = await database.db
      .select()
      .from(staffTimeOff)
      .where(eq(staffTimeOff.staffId, rowIdFor(p.slug, 'staff', 'hofer')));
    expect(kept.map((t) => t.reason)).toContain('krank');
    expect(await exportBusiness(database.db, p.slug, NOW, { format: 'yaml', schemaRef: 'schema/business.schema.json' })).toBe(before);
  });

  it("seeds the demo from its files: exporting it gives the demo's file back, byte for byte", async () => {
    // The shared database may already hold the demo; seeding is idempotent either way.
    await seedDemo(database.db, NOW);
    for (const file of Object.values(DEMO_FILES)) {
      const text = readFileSync(file, 'utf8');
      const slug = /slug: (\S+)/.exec(text)![1]!;
      expect(await exportBusiness(database.db, slug, NOW, { format: 'yaml', schemaRef: '../../schema/business.schema.json' })).toBe(text);
    }
    const rows = await database.db
      .select({ key: staff.key })
      .from(staff)
      .innerJoin(businesses, eq(businesses.id, staff.businessId))
      .where(eq(businesses.slug, 'salon-haarmonie-berlin'))
      .orderBy(asc(staff.key));
    expect(rows.map((r) => r.key)).toEqual(['emma', 'fabian', 'oliver']);
  });
});

describe('applying a business file while a booking commits', () => {
  let database: Database;
  beforeAll(() => {
    database = openTestPostgres(4);
  });
  afterAll(async () => {
    await database.close();
  });

  it('waits for a booking that holds the staff calendar, then sees it and refuses to remove the therapist', async () => {
    const p = physio();
    await applyBusinessFile(database.db, p.text, { now: NOW });
    const gruber = rowIdFor(p.slug, 'staff', 'gruber');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    // A booking in flight: it holds Gruber's calendar lock, as every booking does, and commits only later.
    const booking = database.db.transaction(async (tx) => {
      await lockStaffCalendars(tx, [gruber]);
      locked();
      await released;
      const [row] = await tx
        .insert(appointments)
        .values({
          businessId: p.id,
          serviceId: rowIdFor(p.slug, 'service', 'heilmassage'),
          staffId: gruber,
          startsAt: vienna('2027-04-27T10:00'),
          endsAt: vienna('2027-04-27T10:30'),
          status: 'booked',
          idempotencyKey: key(),
          source: 'api',
        })
        .returning({ id: appointments.id });
      return row!.id;
    });
    await holding;
    const applying = applyBusinessFile(database.db, p.text.slice(0, p.text.indexOf('  - key: gruber')), { now: NOW });
    // The apply waits on the calendar lock; only then does the booking commit.
    await vi.waitFor(async () => {
      const rows = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted and classid = 32330 and objid::bigint = (hashtext(${gruber}::text)::bigint & 4294967295)`),
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
    });
    release();
    const appointmentId = await booking;
    const outcome = await applying;
    expect(outcome.kind === 'refused' && outcome.plan.refusals.flatMap((r) => r.appointments.map((a) => a.id))).toEqual([appointmentId]);
    const [member] = await database.db.select({ active: staff.active }).from(staff).where(eq(staff.id, gruber));
    expect(member?.active).toBe(true);
  });
});
