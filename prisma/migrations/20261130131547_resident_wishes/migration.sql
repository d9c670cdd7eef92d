-- AlterTable
ALTER TABLE "Visit" ADD COLUMN "feedbackBy" TEXT;
ALTER TABLE "Visit" ADD COLUMN "residentFeedback" TEXT;
ALTER TABLE "Visit" ADD COLUMN "residentWords" TEXT;
ALTER TABLE "Visit" ADD COLUMN "residentsHelped" INTEGER;

-- CreateTable
CREATE TABLE "ResidentWish" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "facilityId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "tasks" TEXT NOT NULL DEFAULT '[]',
    "residentCount" INTEGER NOT NULL DEFAULT 1,
    "state" TEXT NOT NULL DEFAULT 'new',
    "addedById" TEXT,
    "easyRead" BOOLEAN NOT NULL DEFAULT false,
    "adWrittenAt" DATETIME,
    "beingHelpedAt" DATETIME,
    "fulfilledAt" DATETIME,
    "fulfilledByVisitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ResidentWish_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResidentWish_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ResidentWish_fulfilledByVisitId_fkey" FOREIGN KEY ("fulfilledByVisitId") REFERENCES "Visit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobAdWish" (
    "jobAdId" TEXT NOT NULL,
    "wishId" TEXT NOT NULL,

    PRIMARY KEY ("jobAdId", "wishId"),
    CONSTRAINT "JobAdWish_jobAdId_fkey" FOREIGN KEY ("jobAdId") REFERENCES "JobAd" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JobAdWish_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "ResidentWish" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ResidentWish_facilityId_state_idx" ON "ResidentWish"("facilityId", "state");

-- CreateIndex
CREATE INDEX "ResidentWish_state_idx" ON "ResidentWish"("state");

-- CreateIndex
CREATE INDEX "JobAdWish_wishId_idx" ON "JobAdWish"("wishId");

