-- Analytics rollup (issue 16): the overview reads answers and ratings per day instead of scanning messages, and
-- resolution from two conversation columns instead of each conversation's messages. Kept exact by statement-level
-- triggers (transition tables, so bulk writes cost one statement each), identical to the computation over messages.

ALTER TABLE "conversation" ADD COLUMN "lastAnswerOutcome" TEXT;
ALTER TABLE "conversation" ADD COLUMN "hasThumbsDown" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "analytics_daily_answers" (
    "organizationId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "declined" INTEGER NOT NULL DEFAULT 0,
    "thumbsUp" INTEGER NOT NULL DEFAULT 0,
    "thumbsDown" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_daily_answers_pkey" PRIMARY KEY ("organizationId","botId","day")
);
-- No foreign keys: the triggers keep the counts (a cascade racing them on an organization's deletion would fail).

-- The outcome of a conversation's last bot answer that has one, and whether any of its answers got a thumbs down.
CREATE FUNCTION frontdesk_refresh_answer_state(conversation_ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE conversation c
     SET "lastAnswerOutcome" = (
           SELECT m.metadata->>'outcome' FROM message m
            WHERE m."conversationId" = c.id AND m.role = 'assistant' AND m.metadata ? 'outcome'
            ORDER BY m."createdAt" DESC LIMIT 1),
         "hasThumbsDown" = EXISTS (SELECT 1 FROM message d WHERE d."conversationId" = c.id AND d.metadata->>'rating' = 'down')
   WHERE c.id = ANY(conversation_ids);
$$;

CREATE FUNCTION frontdesk_message_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_daily_answers ("organizationId", "botId", day, answered, declined, "thumbsUp", "thumbsDown")
    SELECT d."organizationId", c."botId", date_trunc('day', d."createdAt")::timestamp(3),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'answered') IS TRUE)::int),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'declined') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'up') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'down') IS TRUE)::int)
      FROM (SELECT 1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM new_rows) d
      JOIN conversation c ON c.id = d."conversationId"
      -- Not for an organization being deleted (its row is gone; its rollup goes with it).
      JOIN organization o ON o.id = d."organizationId"
     WHERE d.role = 'assistant' OR d.metadata ? 'rating'
     GROUP BY 1, 2, 3
    HAVING bool_or(d.role = 'assistant' AND d.metadata ? 'outcome') OR bool_or(d.metadata ? 'rating')
    ON CONFLICT ("organizationId", "botId", day) DO UPDATE
       SET answered = analytics_daily_answers.answered + EXCLUDED.answered,
           declined = analytics_daily_answers.declined + EXCLUDED.declined,
           "thumbsUp" = analytics_daily_answers."thumbsUp" + EXCLUDED."thumbsUp",
           "thumbsDown" = analytics_daily_answers."thumbsDown" + EXCLUDED."thumbsDown";
    PERFORM frontdesk_refresh_answer_state(ARRAY(SELECT DISTINCT d."conversationId" FROM (SELECT 1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM new_rows) d WHERE d.role = 'assistant' OR d.metadata ? 'rating'));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO analytics_daily_answers ("organizationId", "botId", day, answered, declined, "thumbsUp", "thumbsDown")
    SELECT d."organizationId", c."botId", date_trunc('day', d."createdAt")::timestamp(3),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'answered') IS TRUE)::int),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'declined') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'up') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'down') IS TRUE)::int)
      FROM (SELECT 1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM new_rows UNION ALL SELECT -1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM old_rows) d
      JOIN conversation c ON c.id = d."conversationId"
      -- Not for an organization being deleted (its row is gone; its rollup goes with it).
      JOIN organization o ON o.id = d."organizationId"
     WHERE d.role = 'assistant' OR d.metadata ? 'rating'
     GROUP BY 1, 2, 3
    HAVING bool_or(d.role = 'assistant' AND d.metadata ? 'outcome') OR bool_or(d.metadata ? 'rating')
    ON CONFLICT ("organizationId", "botId", day) DO UPDATE
       SET answered = analytics_daily_answers.answered + EXCLUDED.answered,
           declined = analytics_daily_answers.declined + EXCLUDED.declined,
           "thumbsUp" = analytics_daily_answers."thumbsUp" + EXCLUDED."thumbsUp",
           "thumbsDown" = analytics_daily_answers."thumbsDown" + EXCLUDED."thumbsDown";
    PERFORM frontdesk_refresh_answer_state(ARRAY(SELECT DISTINCT d."conversationId" FROM (SELECT 1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM new_rows UNION ALL SELECT -1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM old_rows) d WHERE d.role = 'assistant' OR d.metadata ? 'rating'));
  ELSE
    -- Deletions only take away from existing rows: an organization being deleted must not get new ones.
    UPDATE analytics_daily_answers r
       SET answered = r.answered - d.answered, declined = r.declined - d.declined,
           "thumbsUp" = r."thumbsUp" - d.up, "thumbsDown" = r."thumbsDown" - d.down
      FROM (
        SELECT o."organizationId", c."botId", date_trunc('day', o."createdAt")::timestamp(3) AS day,
               count(*) FILTER (WHERE o.role = 'assistant' AND o.metadata->>'outcome' = 'answered') AS answered,
               count(*) FILTER (WHERE o.role = 'assistant' AND o.metadata->>'outcome' = 'declined') AS declined,
               count(*) FILTER (WHERE o.metadata->>'rating' = 'up') AS up,
               count(*) FILTER (WHERE o.metadata->>'rating' = 'down') AS down
          FROM old_rows o JOIN conversation c ON c.id = o."conversationId"
         WHERE o.role = 'assistant' OR o.metadata ? 'rating'
         GROUP BY 1, 2, 3
      ) d
     WHERE r."organizationId" = d."organizationId" AND r."botId" = d."botId" AND r.day = d.day;
    PERFORM frontdesk_refresh_answer_state(ARRAY(SELECT DISTINCT o."conversationId" FROM old_rows o WHERE o.role = 'assistant' OR o.metadata ? 'rating'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER message_rollup_insert AFTER INSERT ON message REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_message_rollup();
CREATE TRIGGER message_rollup_update AFTER UPDATE ON message REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_message_rollup();
CREATE TRIGGER message_rollup_delete AFTER DELETE ON message REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_message_rollup();

-- A deleted conversation takes its answers out of the rollup before its messages go (their cascaded delete no
-- longer sees the conversation, so it counts nothing). Update only: a bot being deleted must not get new rows.
CREATE FUNCTION frontdesk_conversation_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_daily_answers r
     SET answered = r.answered - d.answered, declined = r.declined - d.declined,
         "thumbsUp" = r."thumbsUp" - d.up, "thumbsDown" = r."thumbsDown" - d.down
    FROM (
      SELECT date_trunc('day', m."createdAt")::timestamp(3) AS day,
             count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'answered') AS answered,
             count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'declined') AS declined,
             count(*) FILTER (WHERE m.metadata->>'rating' = 'up') AS up,
             count(*) FILTER (WHERE m.metadata->>'rating' = 'down') AS down
        FROM message m WHERE m."conversationId" = OLD.id
       GROUP BY 1
    ) d
   WHERE r."organizationId" = OLD."organizationId" AND r."botId" = OLD."botId" AND r.day = d.day;
  RETURN OLD;
END $$;

CREATE TRIGGER conversation_rollup_delete BEFORE DELETE ON conversation
  FOR EACH ROW EXECUTE FUNCTION frontdesk_conversation_rollup_delete();

-- What is there already.
INSERT INTO analytics_daily_answers ("organizationId", "botId", day, answered, declined, "thumbsUp", "thumbsDown")
SELECT m."organizationId", c."botId", date_trunc('day', m."createdAt")::timestamp(3),
       count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'answered'),
       count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'declined'),
       count(*) FILTER (WHERE m.metadata->>'rating' = 'up'),
       count(*) FILTER (WHERE m.metadata->>'rating' = 'down')
  FROM message m JOIN conversation c ON c.id = m."conversationId"
 WHERE m.role = 'assistant' OR m.metadata ? 'rating'
 GROUP BY 1, 2, 3;
SELECT frontdesk_refresh_answer_state(ARRAY(SELECT DISTINCT "conversationId" FROM message WHERE role = 'assistant' OR metadata ? 'rating'));
