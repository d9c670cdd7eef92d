-- The coordinator's start page shows the centre's 20 oldest open applications. The index on
-- (status, createdAt) cannot give them in createdAt order for two statuses at once, so SQLite
-- sorted every open application in a temporary B-tree. This partial index holds only the open
-- ones, oldest first: a large centre's queue walks it and stops after 20 (named in INDEXED BY in
-- app/models/workbench.server.ts).
CREATE INDEX "Application_open_createdAt_idx" ON "Application"("createdAt", "id") WHERE "status" IN ('submitted', 'in_review');
