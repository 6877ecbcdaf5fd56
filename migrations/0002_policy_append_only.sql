-- POL-1: a policy version is never edited; a change is a new version with its own effective date.
CREATE OR REPLACE FUNCTION policy_versions_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'policy_versions is append-only: add a new version instead of %', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER policy_versions_no_update BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_versions_append_only();
