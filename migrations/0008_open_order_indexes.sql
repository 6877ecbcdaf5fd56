DROP INDEX "work_orders_open_sla_idx";--> statement-breakpoint
CREATE INDEX "work_orders_outlet_open_idx" ON "work_orders" USING btree ("outlet_id","created_at","id") WHERE status not in ('closed', 'cancelled');--> statement-breakpoint
CREATE INDEX "work_orders_sla_due_idx" ON "work_orders" USING btree ("sla_deadline") WHERE closed_at is null and cancelled_at is null and sla_state <> 'breached';