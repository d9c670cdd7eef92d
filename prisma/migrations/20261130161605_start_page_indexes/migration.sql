-- Match.agreementComplete: added in place (Prisma wrote a rebuild of the Match table, which a plain
-- ADD COLUMN with a constant default does not need).
ALTER TABLE "Match" ADD COLUMN "agreementComplete" BOOLEAN NOT NULL DEFAULT false;

-- Issue 15: the coordinator's start page must not grow with the centre. Each of its lists and
-- counts walks a partial index holding only what needs attention (hand-made: Prisma's schema cannot
-- express partial indexes; each is named in a `/// SQL` comment on its model). The conditions are
-- repeated as literals in the queries that use them (app/models/visit-attention.server.ts,
-- follow-up.server.ts, check-in-sharing.server.ts, agreement.server.ts).

-- Planned visits by facility and end: a visit that has ended and is still planned is unlogged.
CREATE INDEX "Visit_unlogged_idx" ON "Visit"("facilityId", "endsAt") WHERE "status" = 'planned';

-- Late cancellations by facility and when they came: the start page counts the last 60 days'.
CREATE INDEX "Visit_late_cancellation_idx" ON "Visit"("facilityId", "cancelledAt") WHERE "status" = 'cancelled' AND "lateCancellation" = 1;

-- Check-ins still waiting for answers, by due date: overdue ones are read oldest first, no sort.
CREATE INDEX "FollowUp_open_dueAt_idx" ON "FollowUp"("dueAt", "id") WHERE "status" IN ('due', 'sent');

-- Flagged answers (expectations not met, or satisfaction 2 or less: FLAG_SATISFACTION_MAX), newest first.
CREATE INDEX "FollowUpResponse_flagged_idx" ON "FollowUpResponse"("answeredAt") WHERE "answeredAt" IS NOT NULL AND ("expectationsAligned" = 0 OR "satisfaction" <= 2);

-- Match.agreementComplete: the newest agreement version is accepted by both parties. Kept by the
-- two triggers below whoever writes the versions (the app, the seeds, a restore), set here once
-- for the agreements that exist.
UPDATE "Match" SET "agreementComplete" = 1
WHERE EXISTS (
  SELECT 1 FROM "AgreementVersion" a
  WHERE a."matchId" = "Match"."id" AND a."volunteerAcceptedAt" IS NOT NULL AND a."facilityAcceptedAt" IS NOT NULL
    AND a."number" = (SELECT max(b."number") FROM "AgreementVersion" b WHERE b."matchId" = "Match"."id")
);

CREATE TRIGGER "AgreementVersion_complete_insert" AFTER INSERT ON "AgreementVersion"
BEGIN
  UPDATE "Match" SET "agreementComplete" = (NEW."volunteerAcceptedAt" IS NOT NULL AND NEW."facilityAcceptedAt" IS NOT NULL)
  WHERE "id" = NEW."matchId" AND NEW."number" = (SELECT max("number") FROM "AgreementVersion" WHERE "matchId" = NEW."matchId");
END;

CREATE TRIGGER "AgreementVersion_complete_update" AFTER UPDATE OF "volunteerAcceptedAt", "facilityAcceptedAt" ON "AgreementVersion"
BEGIN
  UPDATE "Match" SET "agreementComplete" = (NEW."volunteerAcceptedAt" IS NOT NULL AND NEW."facilityAcceptedAt" IS NOT NULL)
  WHERE "id" = NEW."matchId" AND NEW."number" = (SELECT max("number") FROM "AgreementVersion" WHERE "matchId" = NEW."matchId");
END;

-- Live approved matches whose agreement is incomplete (or missing), by approval: a large centre's
-- "aftale mangler" list walks it and stops at the 50th of its own.
CREATE INDEX "Match_agreement_open_idx" ON "Match"("approvedAt", "id") WHERE "status" IN ('active', 'paused') AND "approvedAt" IS NOT NULL AND "agreementComplete" = 0;
