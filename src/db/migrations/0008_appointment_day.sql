ALTER TABLE "appointments" ADD COLUMN "guest_name" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by_type" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by_id" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_type" CHECK ("appointments"."cancelled_by_type" in ('caller','staff','admin','system'));--> statement-breakpoint
-- Who cancelled an appointment and why, kept on the appointment (until now only in the activity log). Appointments
-- cancelled before this migration get it from there: a cancel's actor and reason, a move's actor (no reason).
UPDATE "appointments" a SET "cancelled_by_type" = l.actor_type, "cancelled_by_id" = l.actor_id, "cancel_reason" = nullif(btrim(l.details->>'reason'), '')
FROM (
  SELECT DISTINCT ON (entity_id) entity_id, actor_type, actor_id, details FROM "activity_log"
  WHERE action = 'appointment.cancelled' AND entity_type = 'appointment' ORDER BY entity_id, id
) l
WHERE a.status = 'cancelled' AND a.cancelled_by_type IS NULL AND l.entity_id = a.id::text;
--> statement-breakpoint
UPDATE "appointments" a SET "cancelled_by_type" = l.actor_type, "cancelled_by_id" = l.actor_id
FROM (
  SELECT DISTINCT ON (details->>'from') details->>'from' AS moved_id, actor_type, actor_id FROM "activity_log"
  WHERE action = 'appointment.rescheduled' AND entity_type = 'appointment' ORDER BY details->>'from', id
) l
WHERE a.status = 'cancelled' AND a.cancelled_by_type IS NULL AND l.moved_id = a.id::text;
--> statement-breakpoint
-- The booking function as in 0006, with two more arguments for appointments staff enter by hand: the name of a
-- walk-in who left no number (no customer is made for it) and a note. Both default to null, so a caller that does
-- not name them (an instance still running the previous version during a rolling start) books as before. The old
-- signature is dropped first: beside the new one, a call naming only the old arguments would match both.
DROP FUNCTION "insert_appointment"(uuid, uuid, uuid, timestamptz, timestamptz, text, timestamptz, text, text, text, uuid, jsonb, uuid, text, text, boolean, jsonb, timestamptz, bigint);
--> statement-breakpoint
CREATE FUNCTION "insert_appointment"(
  p_business_id uuid, p_service_id uuid, p_staff_id uuid, p_starts_at timestamptz, p_ends_at timestamptz,
  p_status text, p_hold_expires_at timestamptz, p_idempotency_key text, p_source text, p_call_id text,
  p_rescheduled_from_id uuid, p_segments jsonb,
  p_customer_id uuid, p_customer_phone text, p_customer_name text, p_count_for_customer boolean,
  p_activity jsonb, p_release_holds_at timestamptz, p_rules_version bigint,
  p_guest_name text DEFAULT NULL, p_notes text DEFAULT NULL
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
                                 idempotency_key, source, call_id, rescheduled_from_id, guest_name, notes)
  VALUES (p_business_id, customer, p_service_id, p_staff_id, p_starts_at, p_ends_at, p_status, p_hold_expires_at,
          p_idempotency_key, p_source, p_call_id, p_rescheduled_from_id, CASE WHEN customer IS NULL THEN p_guest_name END, p_notes)
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
