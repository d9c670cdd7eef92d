-- DropIndex
DROP INDEX "FollowUp_matchId_idx";

-- CreateTable
CREATE TABLE "FacilityClosure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "facilityId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FacilityClosure_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FacilityOpenDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "facilityId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FacilityOpenDay_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FacilityClosure_facilityId_toDate_idx" ON "FacilityClosure"("facilityId", "toDate");

-- CreateIndex
CREATE UNIQUE INDEX "FacilityOpenDay_facilityId_localDate_key" ON "FacilityOpenDay"("facilityId", "localDate");

-- Before the unique index: racing housekeeping runs made some check-ins twice (same match, same
-- due date). Keep one per pair: the one people acted on (answered, then sent, then closed, then
-- due), then the one with the most answers, then the earliest made. Answers given on a dropped
-- copy are carried to the kept one (a respondent the kept one lacks moves over with the row; an
-- unanswered row on the kept one takes the answer), so no answer is lost; the dropped copies'
-- links stop working, as a used link does.
CREATE TEMP TABLE "_FollowUpDuplicate" AS
SELECT "id", "keepId" FROM (
    SELECT f."id",
           first_value(f."id") OVER "pair" AS "keepId",
           row_number() OVER "pair" AS "rank"
    FROM "FollowUp" f
    WINDOW "pair" AS (
        PARTITION BY f."matchId", f."dueAt"
        ORDER BY CASE f."status" WHEN 'answered' THEN 0 WHEN 'sent' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END,
                 (SELECT count(*) FROM "FollowUpResponse" r WHERE r."followUpId" = f."id" AND r."answeredAt" IS NOT NULL) DESC,
                 f."createdAt", f."id"
    )
) WHERE "rank" > 1;

UPDATE "FollowUpResponse"
SET ("satisfaction", "expectationsAligned", "wishes", "answeredAt") = (
    SELECT l."satisfaction", l."expectationsAligned", l."wishes", l."answeredAt"
    FROM "FollowUpResponse" l JOIN "_FollowUpDuplicate" d ON d."id" = l."followUpId"
    WHERE d."keepId" = "FollowUpResponse"."followUpId" AND l."respondentId" = "FollowUpResponse"."respondentId" AND l."answeredAt" IS NOT NULL
    ORDER BY l."answeredAt" LIMIT 1)
WHERE "answeredAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "FollowUpResponse" l JOIN "_FollowUpDuplicate" d ON d."id" = l."followUpId"
    WHERE d."keepId" = "FollowUpResponse"."followUpId" AND l."respondentId" = "FollowUpResponse"."respondentId" AND l."answeredAt" IS NOT NULL);

UPDATE "FollowUpResponse"
SET "followUpId" = (SELECT d."keepId" FROM "_FollowUpDuplicate" d WHERE d."id" = "FollowUpResponse"."followUpId")
WHERE "followUpId" IN (SELECT "id" FROM "_FollowUpDuplicate")
  AND NOT EXISTS (
    SELECT 1 FROM "FollowUpResponse" k JOIN "_FollowUpDuplicate" d ON d."keepId" = k."followUpId"
    WHERE d."id" = "FollowUpResponse"."followUpId" AND k."respondentId" = "FollowUpResponse"."respondentId")
  -- With three or more copies, only one row per respondent may move: the answered one, else the first.
  AND "id" = (
    SELECT l."id" FROM "FollowUpResponse" l JOIN "_FollowUpDuplicate" d ON d."id" = l."followUpId"
    WHERE d."keepId" = (SELECT "keepId" FROM "_FollowUpDuplicate" WHERE "id" = "FollowUpResponse"."followUpId")
      AND l."respondentId" = "FollowUpResponse"."respondentId"
    ORDER BY l."answeredAt" IS NULL, l."answeredAt", l."id" LIMIT 1);

DELETE FROM "FollowUpResponse" WHERE "followUpId" IN (SELECT "id" FROM "_FollowUpDuplicate");
DELETE FROM "FollowUp" WHERE "id" IN (SELECT "id" FROM "_FollowUpDuplicate");
DROP TABLE "_FollowUpDuplicate";

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_matchId_dueAt_key" ON "FollowUp"("matchId", "dueAt");

