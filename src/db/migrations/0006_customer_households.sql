DROP INDEX "customers_business_phone_uq";--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_key" text GENERATED ALWAYS AS (coalesce(lower(regexp_replace(btrim(name), '[[:space:]]+', ' ', 'g')), '')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "booked_by_other" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_business_phone_name_uq" ON "customers" USING btree ("business_id","phone_e164","name_key");--> statement-breakpoint
-- Households: one number may belong to several people (a mother books for her daughter under her own number).
-- A customer is one name at one number: `name_key` (the name folded, '' while unnamed) is part of the unique key,
-- so the same name at the same number is one customer however many calls book it at once.
-- `upsert_customer` finds or creates the person an appointment is for, in one place for every writer:
--   * no name: the number's only customer when it has exactly one, else its unnamed customer (created if new);
--   * a name: the customer of that name; else one whose name is only the first name of the other ("Lena" and
--     "Lena Schmidt", when exactly one matches; the fuller name is kept); else the number's unnamed customer (made
--     when the call came in, before anyone said a name) becomes this person; else a new customer.
-- A different name is a different person: a caller who corrects their name's spelling makes a second customer,
-- which staff can merge; booking under the wrong person of a household would be worse.
CREATE FUNCTION "upsert_customer"(p_business_id uuid, p_phone text, p_name text) RETURNS TABLE (customer_id uuid, created boolean) LANGUAGE plpgsql AS $$
DECLARE
  clean text := nullif(btrim(regexp_replace(coalesce(p_name, ''), '[[:space:]]+', ' ', 'g')), '');
  wanted text := coalesce(lower(clean), '');
  single boolean := position(' ' in coalesce(clean, '')) = 0;
  hit uuid;
  inserted boolean;
BEGIN
  IF wanted = '' THEN
    SELECT CASE WHEN count(*) = 1 THEN (array_agg(c.id))[1] END INTO hit
    FROM customers c WHERE c.business_id = p_business_id AND c.phone_e164 = p_phone;
    IF hit IS NOT NULL THEN RETURN QUERY SELECT hit, false; RETURN; END IF;
  ELSE
    SELECT c.id INTO hit FROM customers c WHERE c.business_id = p_business_id AND c.phone_e164 = p_phone AND c.name_key = wanted;
    IF hit IS NOT NULL THEN RETURN QUERY SELECT hit, false; RETURN; END IF;
    SELECT CASE WHEN count(*) = 1 THEN (array_agg(c.id))[1] END INTO hit
    FROM customers c
    WHERE c.business_id = p_business_id AND c.phone_e164 = p_phone AND c.name_key <> ''
      AND ((single AND split_part(c.name_key, ' ', 1) = wanted) OR (NOT single AND position(' ' in c.name_key) = 0 AND c.name_key = split_part(wanted, ' ', 1)));
    IF hit IS NOT NULL THEN
      IF NOT single THEN
        BEGIN
          UPDATE customers SET name = clean, updated_at = now() WHERE id = hit;
        EXCEPTION WHEN unique_violation THEN NULL;
        END;
      END IF;
      RETURN QUERY SELECT hit, false; RETURN;
    END IF;
    -- Two bookings naming two new people at once: one claims the unnamed row, the other skips it and inserts.
    BEGIN
      UPDATE customers c SET name = clean, updated_at = now()
      WHERE c.id = (SELECT u.id FROM customers u WHERE u.business_id = p_business_id AND u.phone_e164 = p_phone AND u.name_key = '' LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING c.id INTO hit;
    EXCEPTION WHEN unique_violation THEN hit := NULL;
    END;
    IF hit IS NOT NULL THEN RETURN QUERY SELECT hit, false; RETURN; END IF;
  END IF;
  -- The unique key decides between two writers inserting the same person at once: both end with one row.
  INSERT INTO customers AS c (business_id, phone_e164, name) VALUES (p_business_id, p_phone, clean)
  ON CONFLICT (business_id, phone_e164, name_key) DO UPDATE SET updated_at = now()
  -- xmax = 0 only for a freshly inserted row: the one way to tell insert from update in a single upsert.
  RETURNING c.id, (c.xmax = 0) INTO hit, inserted;
  RETURN QUERY SELECT hit, inserted;
END $$;
--> statement-breakpoint
-- The booking function as in 0003, with the customer found or created by `upsert_customer` (phone and name).
CREATE OR REPLACE FUNCTION "insert_appointment"(
  p_business_id uuid, p_service_id uuid, p_staff_id uuid, p_starts_at timestamptz, p_ends_at timestamptz,
  p_status text, p_hold_expires_at timestamptz, p_idempotency_key text, p_source text, p_call_id text,
  p_rescheduled_from_id uuid, p_segments jsonb,
  p_customer_id uuid, p_customer_phone text, p_customer_name text, p_count_for_customer boolean,
  p_activity jsonb, p_release_holds_at timestamptz, p_rules_version bigint
) RETURNS TABLE (id uuid, customer_id uuid, created_at timestamptz) LANGUAGE plpgsql AS $$
DECLARE
  customer uuid := p_customer_id;
  appointment record;
BEGIN
  IF jsonb_array_length(p_segments) = 0 THEN
    -- An appointment without busy segments would be invisible to the exclusion constraint.
    RAISE EXCEPTION 'an appointment needs at least one busy segment' USING ERRCODE = '22023';
  END IF;
  PERFORM pg_advisory_xact_lock(32330, hashtext(p_staff_id::text));
  IF p_rules_version IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM businesses b WHERE b.id = p_business_id AND b.rules_version = p_rules_version
  ) THEN
    RAISE EXCEPTION 'the business rules changed since the slot was checked' USING ERRCODE = 'TA001';
  END IF;
  IF p_release_holds_at IS NOT NULL THEN
    PERFORM release_expired_holds(ARRAY[p_staff_id], p_release_holds_at);
  END IF;
  IF p_customer_phone IS NOT NULL THEN
    SELECT u.customer_id INTO customer FROM upsert_customer(p_business_id, p_customer_phone, p_customer_name) u;
  END IF;
  IF p_count_for_customer AND customer IS NOT NULL THEN
    UPDATE customers c SET appointment_count = c.appointment_count + 1, updated_at = now() WHERE c.id = customer;
  END IF;
  INSERT INTO appointments AS a (business_id, customer_id, service_id, staff_id, starts_at, ends_at, status, hold_expires_at,
                                 idempotency_key, source, call_id, rescheduled_from_id)
  VALUES (p_business_id, customer, p_service_id, p_staff_id, p_starts_at, p_ends_at, p_status, p_hold_expires_at,
          p_idempotency_key, p_source, p_call_id, p_rescheduled_from_id)
  RETURNING a.id, a.created_at INTO appointment;
  INSERT INTO appointment_segments (appointment_id, business_id, staff_id, starts_at, ends_at, status, hold_expires_at)
  SELECT appointment.id, p_business_id, p_staff_id, s.starts_at, s.ends_at, p_status, p_hold_expires_at
  FROM jsonb_to_recordset(p_segments) AS s(starts_at timestamptz, ends_at timestamptz);
  IF p_activity IS NOT NULL THEN
    INSERT INTO activity_log (business_id, actor_type, actor_id, action, entity_type, entity_id, details)
    VALUES (p_business_id, p_activity->>'actor_type', p_activity->>'actor_id', p_activity->>'action', 'appointment',
            appointment.id::text, coalesce(p_activity->'details', '{}'::jsonb));
  END IF;
  RETURN QUERY SELECT appointment.id, customer, appointment.created_at;
END $$;
