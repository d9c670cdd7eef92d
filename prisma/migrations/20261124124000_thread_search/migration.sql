-- Free-text search over experience-sharing threads, and the index the follower digests need
-- (hand-written; Prisma does not model FTS5).

-- The digest sweep starts from threads with recent posts (app/models/thread-digest.server.ts).
CREATE INDEX "Thread_lastPostAt_idx" ON "Thread"("lastPostAt");

-- One search document per thread: its title, and the bodies of its VISIBLE posts in order. A hidden
-- post is left out of the document, so nobody finds a thread by the words of a hidden post; hiding
-- or unhiding rebuilds the thread's document (trigger on Post."hiddenAt").
--
-- The FTS5 rowid is a stable integer from "ThreadSearchDoc", not Thread's implicit rowid (which
-- SQLite may renumber on VACUUM or a table rebuild); the triggers find a thread's document through
-- the doc table's unique threadId, so every change touches one FTS row by rowid, never a scan.
-- NOTE: a future migration that rebuilds the Thread or Post table drops these triggers; it must
-- recreate them (copy them from this file).
--
-- Tokenizer as on the job board: unicode61 with remove_diacritics 0, so æ, ø and å stay letters of
-- their own ("kørsel" does not match "korsel"); case folding still applies.
CREATE TABLE "ThreadSearchDoc" (
    "docId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "threadId" TEXT NOT NULL,
    CONSTRAINT "ThreadSearchDoc_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ThreadSearchDoc_threadId_key" ON "ThreadSearchDoc"("threadId");

CREATE VIRTUAL TABLE "ThreadSearch" USING fts5(
    "title",
    "body",
    tokenize = "unicode61 remove_diacritics 0"
);

CREATE TRIGGER "ThreadSearch_thread_insert" AFTER INSERT ON "Thread" BEGIN
    INSERT INTO "ThreadSearchDoc" ("threadId") VALUES (NEW."id");
    INSERT INTO "ThreadSearch" ("rowid", "title", "body")
    VALUES ((SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = NEW."id"), NEW."title", '');
END;

CREATE TRIGGER "ThreadSearch_thread_title" AFTER UPDATE OF "title" ON "Thread" WHEN OLD."title" IS NOT NEW."title" BEGIN
    UPDATE "ThreadSearch" SET "title" = NEW."title"
    WHERE "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = NEW."id");
END;

CREATE TRIGGER "ThreadSearch_thread_delete" AFTER DELETE ON "Thread" BEGIN
    DELETE FROM "ThreadSearch" WHERE "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = OLD."id");
    DELETE FROM "ThreadSearchDoc" WHERE "threadId" = OLD."id";
END;

-- A new visible post is appended to its thread's document.
CREATE TRIGGER "ThreadSearch_post_insert" AFTER INSERT ON "Post" WHEN NEW."hiddenAt" IS NULL BEGIN
    UPDATE "ThreadSearch" SET "body" = CASE WHEN "body" = '' THEN NEW."body" ELSE "body" || char(10) || NEW."body" END
    WHERE "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = NEW."threadId");
END;

-- An edit, a hide or an unhide rebuilds the document from the thread's visible posts.
CREATE TRIGGER "ThreadSearch_post_update" AFTER UPDATE OF "body", "hiddenAt", "threadId" ON "Post"
WHEN OLD."body" IS NOT NEW."body" OR (OLD."hiddenAt" IS NULL) <> (NEW."hiddenAt" IS NULL) OR OLD."threadId" IS NOT NEW."threadId" BEGIN
    UPDATE "ThreadSearch"
    SET "body" = coalesce((SELECT group_concat("b", char(10)) FROM (
        SELECT p."body" AS "b" FROM "Post" p WHERE p."threadId" = NEW."threadId" AND p."hiddenAt" IS NULL ORDER BY p."createdAt", p."id")), '')
    WHERE "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = NEW."threadId");
    UPDATE "ThreadSearch"
    SET "body" = coalesce((SELECT group_concat("b", char(10)) FROM (
        SELECT p."body" AS "b" FROM "Post" p WHERE p."threadId" = OLD."threadId" AND p."hiddenAt" IS NULL ORDER BY p."createdAt", p."id")), '')
    WHERE OLD."threadId" IS NOT NEW."threadId" AND "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = OLD."threadId");
END;

-- A deleted visible post leaves the document (a thread being deleted has no document left to fix).
CREATE TRIGGER "ThreadSearch_post_delete" AFTER DELETE ON "Post" WHEN OLD."hiddenAt" IS NULL BEGIN
    UPDATE "ThreadSearch"
    SET "body" = coalesce((SELECT group_concat("b", char(10)) FROM (
        SELECT p."body" AS "b" FROM "Post" p WHERE p."threadId" = OLD."threadId" AND p."hiddenAt" IS NULL ORDER BY p."createdAt", p."id")), '')
    WHERE "rowid" = (SELECT "docId" FROM "ThreadSearchDoc" WHERE "threadId" = OLD."threadId");
END;

-- The threads that exist already.
INSERT INTO "ThreadSearchDoc" ("threadId") SELECT "id" FROM "Thread" ORDER BY "createdAt", "id";
INSERT INTO "ThreadSearch" ("rowid", "title", "body")
SELECT d."docId", t."title", coalesce((SELECT group_concat("b", char(10)) FROM (
    SELECT p."body" AS "b" FROM "Post" p WHERE p."threadId" = t."id" AND p."hiddenAt" IS NULL ORDER BY p."createdAt", p."id")), '')
FROM "ThreadSearchDoc" d JOIN "Thread" t ON t."id" = d."threadId";
