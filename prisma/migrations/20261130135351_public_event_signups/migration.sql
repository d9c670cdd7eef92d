-- AlterTable
ALTER TABLE "EventSignup" ADD COLUMN "tokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_tokenHash_key" ON "EventSignup"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_eventId_email_key" ON "EventSignup"("eventId", "email");

