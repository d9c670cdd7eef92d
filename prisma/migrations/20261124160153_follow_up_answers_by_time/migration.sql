-- CreateIndex
CREATE INDEX "FollowUpResponse_answeredAt_idx" ON "FollowUpResponse"("answeredAt");

