// A second OS process that books against the same Postgres, the way another instance of the service would.
// Input: one JSON argument; output: one JSON line with the outcome kinds and booked appointment ids.
import { bookAppointment } from '../../src/booking/book-appointment.js';
import { RulesCache } from '../../src/booking/rules-cache.js';
import { createFixedClock } from '../../src/clock.js';
import { createPostgresDatabase } from '../../src/db/create-postgres.js';
import { createLockService } from '../../src/locks/index.js';
import { createLogger } from '../../src/logger.js';

interface Job {
  url: string;
  redisUrls: string[];
  businessId: string;
  serviceId: string;
  staffId: string;
  startsAt: string;
  now: string;
  count: number;
  keyPrefix: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const database = createPostgresDatabase({ url: job.url, poolMax: 10, statementTimeoutMs: 10_000 });
const logger = createLogger('silent');
const locks = createLockService({ redisUrls: job.redisUrls }, { logger });
const deps = { db: database.db, locks, logger, clock: createFixedClock(job.now), holdTtlSeconds: 300, rules: new RulesCache() };
try {
  const outcomes = await Promise.all(
    Array.from({ length: job.count }, (_, i) =>
      bookAppointment(deps, {
        businessId: job.businessId,
        serviceId: job.serviceId,
        staffId: job.staffId,
        startsAt: new Date(job.startsAt),
        customer: { phone: `+4917612${String(process.pid % 1000).padStart(3, '0')}${String(i).padStart(3, '0')}` },
        idempotencyKey: `${job.keyPrefix}:${process.pid}:${i}`,
        source: 'api',
        actor: { type: 'system', id: null },
      }),
    ),
  );
  process.stdout.write(
    `${JSON.stringify({ kinds: outcomes.map((o) => o.kind), booked: outcomes.flatMap((o) => (o.kind === 'booked' ? [o.appointment.id] : [])) })}\n`,
  );
} finally {
  await locks.close();
  await database.close();
}
