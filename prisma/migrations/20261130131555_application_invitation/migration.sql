-- CreateTable
CREATE TABLE "ApplicationInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobAdId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "invitedById" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationInvitation_jobAdId_fkey" FOREIGN KEY ("jobAdId") REFERENCES "JobAd" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationInvitation_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ApplicationInvitation_volunteerId_idx" ON "ApplicationInvitation"("volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationInvitation_jobAdId_volunteerId_key" ON "ApplicationInvitation"("jobAdId", "volunteerId");

