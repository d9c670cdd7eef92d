-- AlterTable
ALTER TABLE "Facility" ADD COLUMN "whoComesToken" TEXT;

-- CreateTable
CREATE TABLE "VolunteerPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "image" BLOB NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VolunteerPhoto_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerPhoto_userId_key" ON "VolunteerPhoto"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_whoComesToken_key" ON "Facility"("whoComesToken");

