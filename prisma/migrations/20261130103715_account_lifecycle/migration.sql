-- AlterTable
ALTER TABLE "User" ADD COLUMN "anonymizedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "inactivityWarnedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "lastLoginAt" DATETIME;

-- CreateIndex
CREATE INDEX "User_lastLoginAt_idx" ON "User"("lastLoginAt");

