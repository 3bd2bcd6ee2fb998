-- The dispute list's text search: every character and every pair of neighbouring characters
-- of the case number, the parties and the summary, as the hex of their UTF-8 bytes, in a contentless
-- FTS5 table keyed by the dispute's rowid. Kept by db/services/disputes-search.ts in the same
-- transaction as each write; the disputes kept before are indexed here with the same tokens.
CREATE VIRTUAL TABLE `dispute_fts` USING fts5(`grams`, `chars`, tokenize = 'unicode61', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `dispute_fts` (rowid, grams, chars)
WITH RECURSIVE
  f(rid, k, t) AS (
    SELECT rowid, 1, lower(coalesce(case_no, '')) FROM dispute
    UNION ALL SELECT rowid, 2, lower(coalesce(parties_text, '')) FROM dispute
    UNION ALL SELECT rowid, 3, lower(coalesce(summary, '')) FROM dispute
  ),
  n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT max(length(t)) FROM f)),
  piece(rid, k, g, c) AS (
    SELECT rid, k,
      group_concat(CASE WHEN i < length(t) THEN hex(substr(t, i, 2)) END, ' ' ORDER BY i),
      group_concat(hex(substr(t, i, 1)), ' ' ORDER BY i)
    FROM f JOIN n ON n.i <= length(f.t)
    GROUP BY rid, k
  )
SELECT rid, coalesce(group_concat(g, ' X ' ORDER BY k), ''), group_concat(c, ' ' ORDER BY k)
FROM piece GROUP BY rid;
