-- Services and staff get a key: their identity within the business, as a business file names them. Applying a
-- file matches rows on it, so renaming a service in the file renames the row instead of replacing it.
ALTER TABLE "services" ADD COLUMN "key" text;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "key" text;--> statement-breakpoint
-- Where the file lists a service or staff member; export writes them in this order. Rows from before: by age.
ALTER TABLE "services" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "services" s SET "position" = o.n - 1
FROM (SELECT id, row_number() OVER (PARTITION BY business_id ORDER BY created_at, id) AS n FROM "services") o WHERE s.id = o.id;--> statement-breakpoint
UPDATE "staff" s SET "position" = o.n - 1
FROM (SELECT id, row_number() OVER (PARTITION BY business_id ORDER BY created_at, id) AS n FROM "staff") o WHERE s.id = o.id;--> statement-breakpoint
-- The demo's own rows (ids as the demo was seeded before it became a file) get the keys its files use, so applying
-- the demo's files to such a database matches them instead of adding a second set.
UPDATE "services" SET "key" = v.key
FROM (VALUES
  ('5a10b000-0000-4000-8002-000000000001'::uuid, 'damenhaarschnitt'),
  ('5a10b000-0000-4000-8002-000000000002'::uuid, 'herrenhaarschnitt'),
  ('5a10b000-0000-4000-8002-000000000003'::uuid, 'waschen-foehnen'),
  ('5a10b000-0000-4000-8002-000000000004'::uuid, 'ansatzfaerbung'),
  ('5a10b000-0000-4000-8002-000000000005'::uuid, 'straehnchen'),
  ('5a10b000-0000-4000-8002-000000000011'::uuid, 'kontrolluntersuchung'),
  ('5a10b000-0000-4000-8002-000000000012'::uuid, 'zahnreinigung'),
  ('5a10b000-0000-4000-8002-000000000013'::uuid, 'schmerzbehandlung')
) AS v(id, key)
WHERE "services"."id" = v.id AND "services"."business_id" IN ('5a10b000-0000-4000-8000-000000000001', '5a10b000-0000-4000-8000-000000000002');--> statement-breakpoint
UPDATE "staff" SET "key" = v.key
FROM (VALUES
  ('5a10b000-0000-4000-8001-000000000001'::uuid, 'emma'),
  ('5a10b000-0000-4000-8001-000000000002'::uuid, 'fabian'),
  ('5a10b000-0000-4000-8001-000000000003'::uuid, 'oliver'),
  ('5a10b000-0000-4000-8001-000000000011'::uuid, 'berger'),
  ('5a10b000-0000-4000-8001-000000000012'::uuid, 'hoffmann')
) AS v(id, key)
WHERE "staff"."id" = v.id AND "staff"."business_id" IN ('5a10b000-0000-4000-8000-000000000001', '5a10b000-0000-4000-8000-000000000002');--> statement-breakpoint
-- Every other row: its name folded to a key ("Waschen/Föhnen" → waschen-foehnen), numbered from the second row of a
-- business that folds to the same key (by age). Umlauts are spelled out in both cases, since lower() leaves
-- them alone in a database with the C locale.
WITH folded AS (
  SELECT id, business_id, key AS preset, created_at,
    coalesce(nullif(btrim(regexp_replace(lower(
      replace(replace(replace(replace(replace(replace(replace(name, 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')
    ), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'service') AS base
  FROM "services"
), numbered AS (
  SELECT id, preset, base,
    row_number() OVER (PARTITION BY business_id, coalesce(preset, base) ORDER BY preset IS NULL, created_at, id) AS n
  FROM folded
)
UPDATE "services" s SET "key" = CASE WHEN n.n = 1 THEN n.base ELSE n.base || '-' || n.n END
FROM numbered n WHERE s.id = n.id AND n.preset IS NULL;--> statement-breakpoint
WITH folded AS (
  SELECT id, business_id, key AS preset, created_at,
    coalesce(nullif(btrim(regexp_replace(lower(
      replace(replace(replace(replace(replace(replace(replace(name, 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')
    ), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'staff') AS base
  FROM "staff"
), numbered AS (
  SELECT id, preset, base,
    row_number() OVER (PARTITION BY business_id, coalesce(preset, base) ORDER BY preset IS NULL, created_at, id) AS n
  FROM folded
)
UPDATE "staff" s SET "key" = CASE WHEN n.n = 1 THEN n.base ELSE n.base || '-' || n.n END
FROM numbered n WHERE s.id = n.id AND n.preset IS NULL;--> statement-breakpoint
ALTER TABLE "services" ALTER COLUMN "key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ALTER COLUMN "key" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "services_business_key_uq" ON "services" USING btree ("business_id","key") WHERE "services"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "staff_business_key_uq" ON "staff" USING btree ("business_id","key") WHERE "staff"."active";
