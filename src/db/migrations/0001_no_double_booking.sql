-- Custom SQL migration file, put your code below! --
-- The invariant "no staff member is ever booked twice for overlapping time" lives here, not in application code:
-- two active (held or booked) busy segments of one staff member can never overlap. Back-to-back segments pass
-- because the ranges are half-open. A violating insert fails with SQLSTATE 23P01, which the booking code maps
-- to the business answer "slot taken".
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointment_segments"
  ADD CONSTRAINT "appointment_segments_status" CHECK ("status" in ('held','booked','cancelled','expired','completed','no_show'));
--> statement-breakpoint
ALTER TABLE "appointment_segments"
  ADD CONSTRAINT "appointment_segments_no_overlap"
  EXCLUDE USING gist ("staff_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('held', 'booked'));
