-- Custom SQL migration file, put your code below! --
-- 1. The rules version. Instances cache what availability is computed from and compare this number instead of
--    reading the rules again. Every change to the rules, however it is made (seed, SQL console, a future admin API),
--    renews it from one sequence, so a version never repeats, not even for a business created again under an old id.
--    (TRUNCATE and triggers switched off bypass this; restart the instances after such maintenance.)
CREATE FUNCTION "bump_rules_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  -- The business of the old row and of the new one: an update may move a row to another business.
  IF TG_TABLE_NAME IN ('staff_services', 'staff_time_off') THEN
    SELECT array_agg(s.business_id) INTO touched FROM staff s
    WHERE s.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.staff_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.staff_id END);
  ELSE
    touched := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.business_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.business_id END];
  END IF;
  UPDATE businesses SET rules_version = nextval('rules_version_seq') WHERE id = ANY (touched);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "services_rules_version" AFTER INSERT OR UPDATE OR DELETE ON "services" FOR EACH ROW EXECUTE FUNCTION bump_rules_version();
--> statement-breakpoint
CREATE TRIGGER "staff_rules_version" AFTER INSERT OR UPDATE OR DELETE ON "staff" FOR EACH ROW EXECUTE FUNCTION bump_rules_version();
--> statement-breakpoint
CREATE TRIGGER "staff_services_rules_version" AFTER INSERT OR UPDATE OR DELETE ON "staff_services" FOR EACH ROW EXECUTE FUNCTION bump_rules_version();
--> statement-breakpoint
CREATE TRIGGER "staff_time_off_rules_version" AFTER INSERT OR UPDATE OR DELETE ON "staff_time_off" FOR EACH ROW EXECUTE FUNCTION bump_rules_version();
--> statement-breakpoint
CREATE TRIGGER "closures_rules_version" AFTER INSERT OR UPDATE OR DELETE ON "closures" FOR EACH ROW EXECUTE FUNCTION bump_rules_version();
--> statement-breakpoint
CREATE FUNCTION "bump_own_rules_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the columns availability reads; a new name or phone number leaves the cached rules valid.
  IF (NEW.time_zone, NEW.holiday_region, NEW.opening_hours, NEW.slot_step_minutes, NEW.min_notice_minutes, NEW.horizon_days)
     IS DISTINCT FROM (OLD.time_zone, OLD.holiday_region, OLD.opening_hours, OLD.slot_step_minutes, OLD.min_notice_minutes, OLD.horizon_days) THEN
    NEW.rules_version := nextval('rules_version_seq');
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "businesses_rules_version" BEFORE UPDATE ON "businesses" FOR EACH ROW EXECUTE FUNCTION bump_own_rules_version();
--> statement-breakpoint
-- 2. Releasing a staff member's expired holds, as part of a booking transaction: an expired hold never blocks.
CREATE FUNCTION "release_expired_holds"(p_staff_ids uuid[], p_now timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  released uuid[];
BEGIN
  WITH expired AS (
    UPDATE appointments SET status = 'expired', updated_at = p_now
    WHERE status = 'held' AND staff_id = ANY (p_staff_ids) AND hold_expires_at <= p_now
    RETURNING id
  )
  SELECT coalesce(array_agg(id), '{}') INTO released FROM expired;
  IF cardinality(released) > 0 THEN
    UPDATE appointment_segments SET status = 'expired' WHERE appointment_id = ANY (released);
  END IF;
  RETURN cardinality(released);
END $$;
--> statement-breakpoint
-- 3. Placing an appointment in one statement, so a booking outside any transaction is one round trip:
--    the staff member's advisory lock (the same key the booking transactions take, so it is a no-op inside one
--    that holds it already), the optional release of their expired holds and check of the rules version, then
--    customer, appointment, busy segments, the customer's count and the activity row. Each statement of a
--    function sees what committed before it ran, so the insert sees every writer the lock waited for. The
--    exclusion constraint decides overlaps (23P01), the unique key repeats (23505); both abort the statement.
--    The rules version is read like any other row: an edit committed while the statement runs may be missed, as it
--    may by a booking that read the calendar a moment before; the next booking sees it.
CREATE FUNCTION "insert_appointment"(
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
    -- One upsert on the unique (business, phone) index: two calls from one number never make two customers.
    -- A given name fills in or corrects the stored one; an absent name never erases it.
    INSERT INTO customers AS c (business_id, phone_e164, name, appointment_count)
    VALUES (p_business_id, p_customer_phone, p_customer_name, CASE WHEN p_count_for_customer THEN 1 ELSE 0 END)
    ON CONFLICT (business_id, phone_e164) DO UPDATE
      SET name = coalesce(excluded.name, c.name), appointment_count = c.appointment_count + excluded.appointment_count, updated_at = now()
    RETURNING c.id INTO customer;
  ELSIF p_count_for_customer AND customer IS NOT NULL THEN
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
