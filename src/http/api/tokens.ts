import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../access/principal.js';
import { createApiToken } from '../../access/create-api-token.js';
import { listApiTokens, type ApiTokenListing } from '../../access/list-api-tokens.js';
import { revokeApiToken } from '../../access/revoke-api-token.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../errors.js';
import type { ApiApp } from './auth.js';
import { Id, Instant, bearerSecurity, bodyOf, errorResponses, iso, isoOrNull, queryOf } from './schemas.js';

const ApiToken = z
  .object({
    id: z.string(),
    role: z.enum(['admin', 'staff']),
    staff: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: 'The staff member a staff token belongs to' }),
    label: z.string().nullable(),
    createdAt: Instant,
    lastUsedAt: Instant.nullable().openapi({ description: 'Within a minute' }),
    revokedAt: Instant.nullable(),
  })
  .openapi('ApiToken');

const CreatedToken = ApiToken.omit({ lastUsedAt: true, revokedAt: true })
  .extend({ token: z.string().openapi({ description: 'The bearer token. Shown only in this answer; only its hash is stored.', example: 'ta_…' }) })
  .openapi('CreatedApiToken');

const CreateBody = bodyOf({
  role: z.enum(['admin', 'staff']),
  staffId: Id.optional().openapi({ description: 'Required for the staff role: an active staff member of this business' }),
  label: z.string().trim().max(200).optional().openapi({ description: 'What the token is for, e.g. "Rezeption iPad"', example: 'Rezeption iPad' }),
})
  .refine((b) => b.role !== 'staff' || b.staffId !== undefined, { path: ['staffId'], error: 'required for the staff role' })
  .refine((b) => b.role !== 'admin' || b.staffId === undefined, { path: ['staffId'], error: 'only for the staff role' });

const adminOnly = 'Admin tokens only; staff tokens get 403.';

const listRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['tokens'],
  summary: 'The business’s API tokens, oldest first (never their secrets)',
  description: adminOnly,
  security: bearerSecurity,
  request: { query: queryOf({}) },
  responses: {
    200: { description: 'Every token, revoked ones included', content: { 'application/json': { schema: z.object({ items: z.array(ApiToken) }) } } },
    ...errorResponses(403),
  },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['tokens'],
  summary: 'Create a token (shown once)',
  description: `${adminOnly} The answer holds the token itself, the only time it is shown; a repeated request creates another token.`,
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: CreateBody } } } },
  responses: {
    201: { description: 'The new token', content: { 'application/json': { schema: CreatedToken } } },
    ...errorResponses(400, 403, 422),
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke a token at once (repeating it answers the same)',
  description: `${adminOnly} The next request with the token is answered 401, on every instance. Revoking the token that asks is allowed.`,
  security: bearerSecurity,
  request: { params: z.object({ id: Id }) },
  responses: {
    200: { description: 'The revoked token', content: { 'application/json': { schema: ApiToken } } },
    ...errorResponses(400, 403, 404),
  },
});

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new ApiError('forbidden', 'Tokens are managed with admin tokens only.');
}

function tokenJson(t: ApiTokenListing): z.infer<typeof ApiToken> {
  return {
    id: t.id,
    role: t.role,
    staff: t.staffId && t.staffName ? { id: t.staffId, name: t.staffName } : null,
    label: t.label,
    createdAt: iso(t.createdAt),
    lastUsedAt: isoOrNull(t.lastUsedAt),
    revokedAt: isoOrNull(t.revokedAt),
  };
}

/** `GET /api/tokens`, `POST /api/tokens`, `DELETE /api/tokens/{id}`: token management beside a running service. */
export function registerTokenRoutes(app: ApiApp, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const tokens = await listApiTokens(ctx.database.db, { businessId: principal.businessId });
    return c.json({ items: tokens.map(tokenJson) }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const body = c.req.valid('json');
    const outcome = await createApiToken(ctx.database.db, {
      businessId: principal.businessId,
      role: body.role,
      staffId: body.staffId ?? null,
      label: body.label ?? null,
      actor: { type: 'admin', id: principal.tokenId },
    });
    switch (outcome.kind) {
      case 'staff_required':
        throw new ApiError('bad_request', 'staffId: required for the staff role');
      case 'not_found':
        throw new ApiError('unprocessable', 'staffId: no such active staff member in this business');
      case 'created':
        // The secret is in this body alone: no cache along the way may keep it.
        c.header('Cache-Control', 'no-store');
        return c.json(
          {
            id: outcome.id,
            role: body.role,
            staff: body.staffId && outcome.staffName ? { id: body.staffId, name: outcome.staffName } : null,
            label: body.label || null,
            createdAt: iso(outcome.createdAt),
            token: outcome.token,
          },
          201,
        );
    }
  });

  app.openapi(revokeRoute, async (c) => {
    const principal = c.get('principal');
    requireAdmin(principal);
    const { id } = c.req.valid('param');
    const outcome = await revokeApiToken(ctx.database.db, id, ctx.clock.now(), {
      businessId: principal.businessId,
      actor: { type: 'admin', id: principal.tokenId },
    });
    if (outcome.kind === 'not_found') throw new ApiError('not_found', 'No such token.');
    const [token] = await listApiTokens(ctx.database.db, { businessId: principal.businessId, id });
    if (!token) throw new ApiError('not_found', 'No such token.');
    return c.json(tokenJson(token), 200);
  });
}
