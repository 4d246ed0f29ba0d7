-- Word forms of a question's words (word-forms.ts formCandidates) are the knowledge base's lexemes that begin with a
-- prefix of each (at least 4 characters). The primary key orders lexemes by the database's collation, where a prefix
-- need not be one range, and a range with bounds computed in the statement is estimated as a third of the table:
-- the lookup read every lexeme of the knowledge base (at 10k Zipf chunks, 60,000 lexemes: a parallel sequential
-- scan, 90-600 ms). Every prefix's first 4 characters are an equality on this index, which the planner takes at any
-- size: a few index pages per prefix (0.3 ms).
CREATE INDEX "knowledge_base_term_prefix_idx" ON "knowledge_base_term" ("knowledgeBaseId", left("lexeme", 4));
