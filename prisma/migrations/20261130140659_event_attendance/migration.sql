-- AlterTable
ALTER TABLE "FacilityMembership" ADD COLUMN "itAmbassadorSince" DATETIME;

-- AlterTable
ALTER TABLE "EventSignup" ADD COLUMN "completedAt" DATETIME;

-- CreateTable
CREATE TABLE "EventAttendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "signupId" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventAttendance_signupId_fkey" FOREIGN KEY ("signupId") REFERENCES "EventSignup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EventAttendance_signupId_idx" ON "EventAttendance"("signupId");

-- CreateIndex
CREATE UNIQUE INDEX "EventAttendance_sessionId_signupId_key" ON "EventAttendance"("sessionId", "signupId");

