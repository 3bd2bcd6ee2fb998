-- Substring search over a person's name, pinyin, ID number and phone (trigram: 3+ characters).
-- Kept by db/services/person-search.ts in the same transaction as the person row.
CREATE VIRTUAL TABLE `person_fts` USING fts5(`person_id` UNINDEXED, `body`, tokenize = 'trigram');
