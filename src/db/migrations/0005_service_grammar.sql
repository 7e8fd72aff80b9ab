ALTER TABLE "services" ADD COLUMN "grammatical_gender" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "plural" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_grammatical_gender" CHECK ("services"."grammatical_gender" in ('m', 'f', 'n'));--> statement-breakpoint
-- The demo practice first spoke English service names; German ones, as patients say them, where still unchanged.
UPDATE "services" SET "name" = 'Zahnreinigung', "synonyms" = ARRAY['Prophylaxe', 'Professionelle Zahnreinigung', 'PZR', 'Reinigung', 'Zähne reinigen']
WHERE "id" = '5a10b000-0000-4000-8002-000000000012' AND "name" = 'Routine Checkup';--> statement-breakpoint
UPDATE "services" SET "name" = 'Schmerzbehandlung', "synonyms" = ARRAY['Notfall', 'Notfallbehandlung', 'Notfalltermin', 'Zahnschmerzen', 'Schmerzen']
WHERE "id" = '5a10b000-0000-4000-8002-000000000013' AND "name" = 'Emergency Treatment';--> statement-breakpoint
-- Demo databases seeded before services had a gender: the seed leaves existing rows alone, so the demo's own
-- services (fixed ids, names as seeded) get theirs here. A renamed one, and every other business, keeps null:
-- its name is said without an article until someone sets the gender.
UPDATE "services" SET "grammatical_gender" = v.gender, "plural" = v.plural
FROM (VALUES
  ('5a10b000-0000-4000-8002-000000000001'::uuid, 'Damenhaarschnitt', 'm', false),
  ('5a10b000-0000-4000-8002-000000000002'::uuid, 'Herrenhaarschnitt', 'm', false),
  ('5a10b000-0000-4000-8002-000000000004'::uuid, 'Ansatzfärbung', 'f', false),
  ('5a10b000-0000-4000-8002-000000000005'::uuid, 'Strähnchen', 'n', true),
  ('5a10b000-0000-4000-8002-000000000011'::uuid, 'Kontrolluntersuchung', 'f', false),
  ('5a10b000-0000-4000-8002-000000000012'::uuid, 'Zahnreinigung', 'f', false),
  ('5a10b000-0000-4000-8002-000000000013'::uuid, 'Schmerzbehandlung', 'f', false)
) AS v(id, name, gender, plural)
WHERE "services"."id" = v.id AND "services"."name" = v.name AND "services"."grammatical_gender" IS NULL;
