import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBusinessFile } from '../../src/business-file/apply-business-file.js';
import { businessIdFor, rowIdFor } from '../../src/business-file/stable-ids.js';
import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { appointments, appointmentSegments } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { engines } from '../support/databases.js';
import { RetellTestClient, agent, user, type TestUtterance } from '../support/retell-client.js';

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'physio-hofer-wien.yaml'), 'utf8');

/**
 * The practice of the Vienna example, applied from its file under a slug and number of its own; `zone` moves it to
 * another zone (with its number in E.164, since only a zone's own country reads "01 …").
 */
function practiceFile(zone?: { timeZone: string; holidayRegion: string }) {
  const slug = `physio-${randomUUID().slice(0, 8)}`;
  const local = `2${Math.floor(100_000 + Math.random() * 899_999)}`;
  let text = EXAMPLE.replace('slug: physio-hofer-wien', `slug: ${slug}`).replace('"01 2345670"', zone ? `"+431${local}"` : `"01 ${local}"`);
  if (zone)
    text = text.replace('time_zone: Europe/Vienna', `time_zone: ${zone.timeZone}`).replace('holiday_region: AT-9', `holiday_region: ${zone.holidayRegion}`);
  return { slug, text, number: `+431${local}` };
}

/**
 * The "done when" of business files: a business nobody seeded, applied from its file, in another zone than Berlin,
 * takes a call over the Retell WebSocket protocol on its own number and books its own composite service in its
 * own zone and hours; its closure is said to the caller.
 */
describe.each(engines)('a business applied from a file takes calls on $name', ({ open }) => {
  let database: Database;
  let service: RunningService;
  // Monday 3 May 2027, 08:00 in Vienna (06:00 UTC, summer time).
  const clock = createFixedClock('2027-05-03T06:00:00Z');

  beforeAll(async () => {
    database = await open();
    service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', METRICS_ENABLED: 'false' }), {
      database,
      clock,
      logger: createLogger('silent'),
    });
  });
  afterAll(async () => {
    await service.stop();
    await database.close();
  });

  async function dial(to: string, from: string) {
    const client = await RetellTestClient.connect(service.url, { timeoutMs: 5_000 });
    const transcript: TestUtterance[] = [];
    let id = 0;
    const greeting = await client.handshake({ call_id: client.callId, from_number: from, to_number: to, direction: 'inbound', call_type: 'phone_call' }, 5_000);
    transcript.push(agent(greeting.text));
    const say = async (text: string) => {
      transcript.push(user(text));
      const reply = await client.ask(++id, [...transcript], { timeoutMs: 10_000 });
      transcript.push(agent(reply.text));
      return reply.text;
    };
    return { client, greeting: greeting.text, say };
  }

  const cases = [
    // 10:00 in Vienna is 08:00 UTC in May; in London it is 09:00 UTC: the zone is the file's, not Berlin's.
    { zone: undefined, utcStart: '2027-05-04T08:00:00.000Z', gapEnds: '2027-05-04T08:25:00.000Z' },
    { zone: { timeZone: 'Europe/London', holidayRegion: 'GB-ENG' }, utcStart: '2027-05-04T09:00:00.000Z', gapEnds: '2027-05-04T09:25:00.000Z' },
  ];

  it.each(cases)('books the file’s composite service in its own zone ($zone.timeZone)', async ({ zone, utcStart, gapEnds }) => {
    const file = practiceFile(zone);
    const applied = await applyBusinessFile(database.db, file.text, { now: clock.now() });
    expect(applied.kind).toBe('applied');
    const businessId = businessIdFor(file.slug);

    const call = await dial(file.number, '+436641234567');
    expect(call.greeting).toContain('Physiotherapie Hofer');
    const offer = await call.say('Grüß Gott, ich hätte gern eine Fangopackung mit Massage am Dienstag um zehn bei Frau Hofer');
    expect(offer).toContain('Am Dienstag um 10 Uhr hat Frau Hofer Zeit für eine Fangopackung mit Massage.');
    await call.say('ja, passt');
    await call.say('Karl Wagner');
    const done = await call.say('ja');
    expect(done).toContain('eingetragen');
    expect(done).toContain('Fangopackung mit Massage');
    expect(call.client.violations).toEqual([]);
    await call.client.close();

    const [booked] = await database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.businessId, businessId), eq(appointments.status, 'booked')));
    expect(booked).toMatchObject({ serviceId: rowIdFor(file.slug, 'service', 'fango-massage'), staffId: rowIdFor(file.slug, 'staff', 'hofer') });
    expect(booked!.startsAt.toISOString()).toBe(utcStart);
    // The therapist is busy while the pack goes on and during the massage; the 20 minutes in between are free.
    const segments = await database.db
      .select({ startsAt: appointmentSegments.startsAt, endsAt: appointmentSegments.endsAt })
      .from(appointmentSegments)
      .where(eq(appointmentSegments.appointmentId, booked!.id))
      .orderBy(asc(appointmentSegments.startsAt));
    expect(segments.map((s) => s.startsAt.toISOString())).toEqual([utcStart, gapEnds]);
    expect(segments.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)).toEqual([5, 25]);
  });

  it('tells a caller the file’s closure and offers its own hours instead', async () => {
    const file = practiceFile();
    expect((await applyBusinessFile(database.db, file.text, { now: clock.now() })).kind).toBe('applied');
    const call = await dial(file.number, '+436641234568');
    // Friday 7 May is the practice's Fenstertag; its Friday hours end at 14:00, so 15:00 is never offered.
    const answer = await call.say('Ich bräuchte eine Heilmassage am Freitag um elf');
    expect(answer).toContain('Am Freitag, dem 7. Mai, haben wir wegen Fenstertag geschlossen.');
    expect(answer).not.toContain('7. Mai, um elf');
    await call.client.close();
    const rows = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.businessId, businessIdFor(file.slug)));
    expect(rows.filter((r) => r.status === 'booked')).toEqual([]);
  });
});
