ALTER TABLE "outlets" ADD COLUMN "dispatch_suspended_until" date;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "dispatch_suspension_reason" text;