-- Contact persons choose whether they, too, get the reminder the day before a visit.
ALTER TABLE "User" ADD COLUMN "visitReminders" BOOLEAN NOT NULL DEFAULT false;
