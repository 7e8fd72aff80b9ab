import { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { createApiToken } from './create-api-token.js';
import { findBusiness } from './find-business.js';
import { listApiTokens } from './list-api-tokens.js';
import { revokeApiToken } from './revoke-api-token.js';

/**
 * The operator's token commands as data: `termin-agent token …` runs them on the database it opens, or, beside a
 * running service that holds the embedded database, sends them to that service, which runs the same function. Both
 * directions are parsed, so a service and a CLI of different versions fail plainly rather than misread each other.
 */
export const TokenCommand = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('create'),
    role: z.enum(['admin', 'staff']),
    staffId: z.guid().nullable(),
    /** An id or slug; null: the only business (or the first created). */
    business: z.string().min(1).max(200).nullable(),
    label: z.string().max(200).nullable(),
  }),
  z.object({ op: z.literal('list'), business: z.string().min(1).max(200).nullable() }),
  z.object({ op: z.literal('revoke'), id: z.guid() }),
]);
export type TokenCommand = z.infer<typeof TokenCommand>;

const Instant = z.iso.datetime();

export const TokenListing = z.object({
  id: z.string(),
  businessSlug: z.string(),
  role: z.enum(['admin', 'staff']),
  staffName: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type TokenListing = z.infer<typeof TokenListing>;

export const TokenCommandResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('created'),
    id: z.string(),
    token: z.string(),
    role: z.enum(['admin', 'staff']),
    staffName: z.string().nullable(),
    businessSlug: z.string(),
    /** The business was not named and there are several: the first one was taken. */
    ambiguous: z.boolean(),
  }),
  z.object({ kind: z.literal('no_business'), asked: z.string().nullable() }),
  z.object({ kind: z.literal('staff_required') }),
  z.object({ kind: z.literal('no_staff'), staffId: z.string(), businessSlug: z.string() }),
  z.object({ kind: z.literal('listed'), tokens: z.array(TokenListing) }),
  z.object({ kind: z.literal('revoked'), id: z.string(), at: Instant }),
  z.object({ kind: z.literal('already_revoked'), id: z.string(), at: Instant }),
  z.object({ kind: z.literal('no_token'), id: z.string() }),
]);
export type TokenCommandResult = z.infer<typeof TokenCommandResult>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Runs one token command on the database; every expected "no" is a result. */
export async function runTokenCommand(db: Queryable, command: TokenCommand, now: Date): Promise<TokenCommandResult> {
  switch (command.op) {
    case 'create':
      return create(db, command);
    case 'list':
      return list(db, command.business);
    case 'revoke': {
      const outcome = await revokeApiToken(db, command.id, now);
      if (outcome.kind === 'not_found') return { kind: 'no_token', id: command.id };
      return { kind: outcome.kind, id: command.id, at: outcome.at.toISOString() };
    }
  }
}

async function create(db: Queryable, command: Extract<TokenCommand, { op: 'create' }>): Promise<TokenCommandResult> {
  const choice = await findBusiness(db, command.business ?? undefined);
  if (choice.kind === 'not_found') return { kind: 'no_business', asked: command.business };
  const { business } = choice;
  const outcome = await createApiToken(db, { businessId: business.id, role: command.role, staffId: command.staffId, label: command.label });
  switch (outcome.kind) {
    case 'staff_required':
      return { kind: 'staff_required' };
    case 'not_found':
      return { kind: 'no_staff', staffId: command.staffId ?? '', businessSlug: business.slug };
    case 'created':
      return {
        kind: 'created',
        id: outcome.id,
        token: outcome.token,
        role: command.role,
        staffName: outcome.staffName,
        businessSlug: business.slug,
        ambiguous: choice.ambiguous,
      };
  }
}

async function list(db: Queryable, businessRef: string | null): Promise<TokenCommandResult> {
  let businessId: string | undefined;
  if (businessRef !== null) {
    const choice = await findBusiness(db, businessRef);
    if (choice.kind === 'not_found') return { kind: 'no_business', asked: businessRef };
    businessId = choice.business.id;
  }
  const tokens = await listApiTokens(db, { businessId });
  return {
    kind: 'listed',
    tokens: tokens.map((t) => ({
      id: t.id,
      businessSlug: t.businessSlug,
      role: t.role,
      staffName: t.staffName,
      label: t.label,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
    })),
  };
}
