import { createRoute, z } from '@hono/zod-openapi';
import { scopeOf } from '../../access/principal.js';
import { listStaff } from '../../booking/list-staff.js';
import type { AppContext } from '../../context.js';
import type { ApiApp } from './auth.js';
import { bearerSecurity, errorResponses, queryOf } from './schemas.js';

const TimeRange = z.object({ start: z.string().openapi({ example: '09:00' }), end: z.string().openapi({ example: '12:00' }) });

const StaffMember = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    active: z.boolean(),
    workingHours: z.record(z.string(), z.array(TimeRange)).openapi({ description: 'Local ranges per ISO weekday (1 = Monday); several ranges model a break' }),
    serviceIds: z.array(z.string()),
  })
  .openapi('StaffMember');

const listRoute = createRoute({
  method: 'get',
  path: '/staff',
  tags: ['staff'],
  summary: 'Staff members (a staff token sees only its own record)',
  security: bearerSecurity,
  request: { query: queryOf({}) },
  responses: {
    200: { description: 'Staff by name', content: { 'application/json': { schema: z.object({ items: z.array(StaffMember) }) } } },
    ...errorResponses(400),
  },
});

/** `GET /api/staff`. */
export function registerStaffRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const items = await listStaff(ctx.database.db, scopeOf(c.get('principal')));
    // WeeklyHours leaves days off out (Partial); in JSON that is the same record.
    return c.json({ items: items.map((m) => ({ ...m, workingHours: m.workingHours as Record<string, Array<{ start: string; end: string }>> })) }, 200);
  });
}
