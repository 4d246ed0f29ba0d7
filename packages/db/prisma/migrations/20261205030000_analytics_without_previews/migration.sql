-- Preview chats (a signed-in member trying the bot in the admin) are not traffic: the answers rollup leaves them out,
-- like every other analytics number. A conversation's preview flag is set when it is created and never changes, so
-- leaving preview conversations out of each trigger keeps the rollup exact.

CREATE OR REPLACE FUNCTION frontdesk_message_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_daily_answers ("organizationId", "botId", day, answered, declined, "thumbsUp", "thumbsDown")
    SELECT d."organizationId", c."botId", date_trunc('day', d."createdAt")::timestamp(3),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'answered') IS TRUE)::int),
           sum(d.sign * ((d.role = 'assistant' AND d.metadata->>'outcome' = 'declined') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'up') IS TRUE)::int),
           sum(d.sign * ((d.metadata->>'rating' = 'down') IS TRUE)::int)
      FROM (SELECT 1 AS sign, "organizationId", "conversationId", role, metadata, "createdAt" FROM new_rows) d
      JOIN conversation c ON c.id = d."conversationId" AND NOT c.preview
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
      JOIN conversation c ON c.id = d."conversationId" AND NOT c.preview
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
          FROM old_rows o JOIN conversation c ON c.id = o."conversationId" AND NOT c.preview
         WHERE o.role = 'assistant' OR o.metadata ? 'rating'
         GROUP BY 1, 2, 3
      ) d
     WHERE r."organizationId" = d."organizationId" AND r."botId" = d."botId" AND r.day = d.day;
    PERFORM frontdesk_refresh_answer_state(ARRAY(SELECT DISTINCT o."conversationId" FROM old_rows o WHERE o.role = 'assistant' OR o.metadata ? 'rating'));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION frontdesk_conversation_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A preview never counted.
  IF OLD.preview THEN RETURN OLD; END IF;
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

-- Counted again without previews.
DELETE FROM analytics_daily_answers;
INSERT INTO analytics_daily_answers ("organizationId", "botId", day, answered, declined, "thumbsUp", "thumbsDown")
SELECT m."organizationId", c."botId", date_trunc('day', m."createdAt")::timestamp(3),
       count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'answered'),
       count(*) FILTER (WHERE m.role = 'assistant' AND m.metadata->>'outcome' = 'declined'),
       count(*) FILTER (WHERE m.metadata->>'rating' = 'up'),
       count(*) FILTER (WHERE m.metadata->>'rating' = 'down')
  FROM message m JOIN conversation c ON c.id = m."conversationId" AND NOT c.preview
 WHERE m.role = 'assistant' OR m.metadata ? 'rating'
 GROUP BY 1, 2, 3;
