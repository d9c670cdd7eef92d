-- CreateIndex
CREATE INDEX "Event_threadId_idx" ON "Event"("threadId");

