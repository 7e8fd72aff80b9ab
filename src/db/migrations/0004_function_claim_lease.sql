ALTER TABLE "processed_events" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processed_events" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "processed_events" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "activity_log_actor_idx" ON "activity_log" USING btree ("actor_id") WHERE "activity_log"."actor_type" = 'caller';