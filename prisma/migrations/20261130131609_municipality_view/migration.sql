-- CreateTable
CREATE TABLE "MunicipalityAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MunicipalityAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MunicipalityAccess_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EthicsTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "entries" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "EthicsTemplate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EthicsTemplate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EthicsPolicyState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "facilityId" TEXT NOT NULL,
    "updatedAt" DATETIME,
    "templateAdoptedAt" DATETIME,
    "templateVersion" INTEGER,
    "templateSnapshot" TEXT,
    "reviewedOn" TEXT,
    "reviewReminderFor" TEXT,
    CONSTRAINT "EthicsPolicyState_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EthicsPolicyReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "facilityId" TEXT NOT NULL,
    "reviewedOn" TEXT NOT NULL,
    "residents" INTEGER NOT NULL DEFAULT 0,
    "staff" INTEGER NOT NULL DEFAULT 0,
    "otherRoles" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EthicsPolicyReview_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EthicsPolicyReview_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VolunteerStatementSignoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "volunteerId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "signedById" TEXT,
    "signerName" TEXT NOT NULL,
    "centreName" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VolunteerStatementSignoff_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VolunteerStatementSignoff_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MunicipalityAccess_municipalityId_idx" ON "MunicipalityAccess"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "MunicipalityAccess_userId_municipalityId_key" ON "MunicipalityAccess"("userId", "municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "EthicsTemplate_municipalityId_key" ON "EthicsTemplate"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "EthicsPolicyState_facilityId_key" ON "EthicsPolicyState"("facilityId");

-- CreateIndex
CREATE INDEX "EthicsPolicyState_reviewedOn_idx" ON "EthicsPolicyState"("reviewedOn");

-- CreateIndex
CREATE INDEX "EthicsPolicyReview_facilityId_reviewedOn_idx" ON "EthicsPolicyReview"("facilityId", "reviewedOn");

-- CreateIndex
CREATE INDEX "VolunteerStatementSignoff_volunteerId_signedAt_idx" ON "VolunteerStatementSignoff"("volunteerId", "signedAt");

