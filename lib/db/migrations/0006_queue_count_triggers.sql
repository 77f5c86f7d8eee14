-- Keeps queue_counts exact as calls are indexed and reviewed, inside the same transaction as the change.
CREATE FUNCTION queue_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE queue_counts SET count = count - 1 WHERE provider = OLD.provider AND status = OLD.review_status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO queue_counts (provider, status, count) VALUES (NEW.provider, NEW.review_status, 1)
    ON CONFLICT (provider, status) DO UPDATE SET count = queue_counts.count + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER calls_queue_counts_insert_delete AFTER INSERT OR DELETE ON calls
  FOR EACH ROW EXECUTE FUNCTION queue_counts_track();
--> statement-breakpoint
CREATE TRIGGER calls_queue_counts_status AFTER UPDATE OF provider, review_status ON calls
  FOR EACH ROW WHEN (OLD.review_status IS DISTINCT FROM NEW.review_status OR OLD.provider IS DISTINCT FROM NEW.provider)
  EXECUTE FUNCTION queue_counts_track();
--> statement-breakpoint
INSERT INTO queue_counts (provider, status, count)
  SELECT provider, review_status, count(*)::int FROM calls GROUP BY provider, review_status
  ON CONFLICT (provider, status) DO UPDATE SET count = excluded.count;
