-- CreateTable
CREATE TABLE "AgreementVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "content" TEXT NOT NULL,
    "volunteerAcceptedAt" DATETIME,
    "volunteerAcceptedById" TEXT,
    "facilityAcceptedAt" DATETIME,
    "facilityAcceptedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementVersion_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementVersion_volunteerAcceptedById_fkey" FOREIGN KEY ("volunteerAcceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgreementVersion_facilityAcceptedById_fkey" FOREIGN KEY ("facilityAcceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpMeeting_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpMeeting_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- A plain added column instead of Prisma's table rebuild: the answers table is large on the national data.
ALTER TABLE "FollowUpResponse" ADD COLUMN "centreOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "AgreementVersion_matchId_number_key" ON "AgreementVersion"("matchId", "number");

-- CreateIndex
CREATE INDEX "FollowUpMeeting_matchId_createdAt_idx" ON "FollowUpMeeting"("matchId", "createdAt");

-- CreateIndex
CREATE INDEX "FollowUpMeeting_heldOn_idx" ON "FollowUpMeeting"("heldOn");

