-- CreateTable
CREATE TABLE "RateLimitRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL,
    "blockedUntil" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimitRecord_expiresAt_idx" ON "RateLimitRecord"("expiresAt");

