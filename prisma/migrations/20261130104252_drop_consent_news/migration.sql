-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VolunteerProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "postcode" TEXT,
    "municipalityId" TEXT,
    "employer" TEXT,
    "languages" TEXT NOT NULL DEFAULT '["da"]',
    "birthYear" INTEGER,
    "pausedAt" DATETIME,
    "consentDataAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VolunteerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VolunteerProfile_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_VolunteerProfile" ("bio", "birthYear", "consentDataAt", "createdAt", "employer", "id", "languages", "municipalityId", "pausedAt", "postcode", "updatedAt", "userId") SELECT "bio", "birthYear", "consentDataAt", "createdAt", "employer", "id", "languages", "municipalityId", "pausedAt", "postcode", "updatedAt", "userId" FROM "VolunteerProfile";
DROP TABLE "VolunteerProfile";
ALTER TABLE "new_VolunteerProfile" RENAME TO "VolunteerProfile";
CREATE UNIQUE INDEX "VolunteerProfile_userId_key" ON "VolunteerProfile"("userId");
CREATE INDEX "VolunteerProfile_municipalityId_pausedAt_idx" ON "VolunteerProfile"("municipalityId", "pausedAt");
CREATE INDEX "VolunteerProfile_municipalityId_pausedAt_id_idx" ON "VolunteerProfile"("municipalityId", "pausedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

