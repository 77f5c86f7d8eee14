-- Keeps the insights rollups exact as the journal changes, in the same transaction as the change.
-- A row counts as a decision while it is a landed correction or approval; it is counted once, on the
-- insert or update that makes it one, and taken back if it stops being one.
CREATE FUNCTION insight_rollups_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_decision boolean := false;
  is_decision boolean := false;
  delta integer;
  r record;
  bucket date;
  agent_of_call text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    was_decision := OLD.status::text IN ('applied', 'accepted') AND OLD.kind::text IN ('edit', 'merge', 'overwrite', 'restore', 'approve');
  END IF;
  is_decision := NEW.status::text IN ('applied', 'accepted') AND NEW.kind::text IN ('edit', 'merge', 'overwrite', 'restore', 'approve');
  IF was_decision = is_decision THEN
    RETURN NULL;
  END IF;
  IF is_decision THEN delta := 1; r := NEW; ELSE delta := -1; r := OLD; END IF;
  bucket := (date_trunc('week', coalesce(r.completed_at, r.created_at) AT TIME ZONE 'UTC'))::date;
  SELECT c.agent_name INTO agent_of_call FROM calls c WHERE c.provider = r.provider AND c.call_id = r.call_id;
  INSERT INTO decision_rollups AS d (week, provider, template_key, agent_name, author_id, decisions, corrected, accepted, chars_sum, lines_sum, sized, review_seconds_sum, reviewed)
  VALUES (
    bucket, r.provider, coalesce(r.template_key, ''), coalesce(agent_of_call, ''), coalesce(r.author_id, ''),
    delta,
    CASE WHEN r.kind::text <> 'approve' THEN delta ELSE 0 END,
    CASE WHEN r.kind::text = 'approve' THEN delta ELSE 0 END,
    CASE WHEN r.kind::text <> 'approve' AND r.chars_changed IS NOT NULL THEN delta * r.chars_changed ELSE 0 END,
    CASE WHEN r.kind::text <> 'approve' AND r.lines_changed IS NOT NULL THEN delta * r.lines_changed ELSE 0 END,
    CASE WHEN r.kind::text <> 'approve' AND r.chars_changed IS NOT NULL THEN delta ELSE 0 END,
    CASE WHEN r.review_seconds IS NOT NULL THEN delta * r.review_seconds ELSE 0 END,
    CASE WHEN r.review_seconds IS NOT NULL THEN delta ELSE 0 END
  )
  ON CONFLICT (week, provider, template_key, agent_name, author_id) DO UPDATE SET
    decisions = d.decisions + excluded.decisions,
    corrected = d.corrected + excluded.corrected,
    accepted = d.accepted + excluded.accepted,
    chars_sum = d.chars_sum + excluded.chars_sum,
    lines_sum = d.lines_sum + excluded.lines_sum,
    sized = d.sized + excluded.sized,
    review_seconds_sum = d.review_seconds_sum + excluded.review_seconds_sum,
    reviewed = d.reviewed + excluded.reviewed;
  IF r.kind::text <> 'approve' AND r.reasons IS NOT NULL THEN
    INSERT INTO reason_rollups AS x (week, provider, author_id, reason, count)
    SELECT bucket, r.provider, coalesce(r.author_id, ''), given, delta FROM unnest(r.reasons) AS given
    ON CONFLICT (week, provider, author_id, reason) DO UPDATE SET count = x.count + excluded.count;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER summary_revisions_insight_rollups AFTER INSERT OR UPDATE OF status, kind ON summary_revisions
  FOR EACH ROW EXECUTE FUNCTION insight_rollups_track();
--> statement-breakpoint
CREATE FUNCTION revision_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.author_id IS NOT NULL THEN
    UPDATE revision_status_counts SET count = count - 1 WHERE author_id = OLD.author_id AND status = OLD.status;
  END IF;
  IF NEW.author_id IS NOT NULL THEN
    INSERT INTO revision_status_counts AS s (author_id, status, count) VALUES (NEW.author_id, NEW.status, 1)
    ON CONFLICT (author_id, status) DO UPDATE SET count = s.count + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER summary_revisions_status_counts_insert AFTER INSERT ON summary_revisions
  FOR EACH ROW EXECUTE FUNCTION revision_status_counts_track();
--> statement-breakpoint
CREATE TRIGGER summary_revisions_status_counts_update AFTER UPDATE OF status, author_id ON summary_revisions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.author_id IS DISTINCT FROM NEW.author_id)
  EXECUTE FUNCTION revision_status_counts_track();
--> statement-breakpoint
-- What the journal already holds. Enums are compared as text: on a new database every migration runs in
-- one transaction, and values added to an enum in it cannot be used as enum literals until it commits.
INSERT INTO decision_rollups (week, provider, template_key, agent_name, author_id, decisions, corrected, accepted, chars_sum, lines_sum, sized, review_seconds_sum, reviewed)
  SELECT (date_trunc('week', coalesce(r.completed_at, r.created_at) AT TIME ZONE 'UTC'))::date, r.provider, coalesce(r.template_key, ''), coalesce(c.agent_name, ''), coalesce(r.author_id, ''),
    count(*), count(*) FILTER (WHERE r.kind::text <> 'approve'), count(*) FILTER (WHERE r.kind::text = 'approve'),
    coalesce(sum(r.chars_changed) FILTER (WHERE r.kind::text <> 'approve'), 0), coalesce(sum(r.lines_changed) FILTER (WHERE r.kind::text <> 'approve'), 0),
    count(r.chars_changed) FILTER (WHERE r.kind::text <> 'approve'), coalesce(sum(r.review_seconds), 0), count(r.review_seconds)
  FROM summary_revisions r LEFT JOIN calls c ON c.provider = r.provider AND c.call_id = r.call_id
  WHERE r.status::text IN ('applied', 'accepted') AND r.kind::text IN ('edit', 'merge', 'overwrite', 'restore', 'approve')
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO reason_rollups (week, provider, author_id, reason, count)
  SELECT (date_trunc('week', coalesce(r.completed_at, r.created_at) AT TIME ZONE 'UTC'))::date, r.provider, coalesce(r.author_id, ''), reason, count(*)
  FROM summary_revisions r, unnest(r.reasons) AS reason
  WHERE r.status::text IN ('applied', 'accepted') AND r.kind::text IN ('edit', 'merge', 'overwrite', 'restore')
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO revision_status_counts (author_id, status, count)
  SELECT author_id, status, count(*) FROM summary_revisions WHERE author_id IS NOT NULL GROUP BY 1, 2;
