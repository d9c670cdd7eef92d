-- An ad may require the centre's intro course (issue 10). A plain ADD COLUMN: Prisma's generated table
-- rebuild would drop the hand-made triggers and FTS objects on JobAd (see schema.prisma's /// SQL lines).
ALTER TABLE "JobAd" ADD COLUMN "requiresIntroCourse" BOOLEAN NOT NULL DEFAULT false;
