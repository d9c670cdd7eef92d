-- Covering indexes for ranking candidates (app/models/matching.server.ts): the first pass over
-- every volunteer who lives in or travels to an ad's municipality reads only these indexes, never
-- the rows (about 20,000 index entries for Copenhagen in the national-scale data set).

-- CreateIndex
CREATE INDEX "VolunteerProfile_municipalityId_pausedAt_id_idx" ON "VolunteerProfile"("municipalityId", "pausedAt", "id");

-- CreateIndex
CREATE INDEX "VolunteerSkill_profileId_task_level_idx" ON "VolunteerSkill"("profileId", "task", "level");

-- CreateIndex
CREATE INDEX "VolunteerArea_municipalityId_profileId_idx" ON "VolunteerArea"("municipalityId", "profileId");
