-- Free-text search for the public job board (hand-written; Prisma does not model FTS5).
--
-- One row per job ad, kept in sync by the database itself: triggers on JobAd, and on Facility and
-- Municipality for the names and places copied in. The board joins on "jobAdId" rather than on
-- rowid, because SQLite may renumber the implicit rowid of JobAd (VACUUM, table rebuilds).
-- NOTE: a future migration that rebuilds the JobAd, Facility or Municipality table drops their
-- triggers; such a migration must recreate them (copy them from this file).
--
-- unicode61 with remove_diacritics 0: æ, ø and å are letters of their own in Danish, so "køkken"
-- must not match "kokken", and "Græsted" must not match "Grasted"; case folding still applies.
-- Task codes are indexed as their Danish and English words, so "videoopkald" finds video_calls.
CREATE VIRTUAL TABLE "JobAdSearch" USING fts5(
    "jobAdId" UNINDEXED,
    "title",
    "body",
    "tasks",
    "targetGroup",
    "place",
    tokenize = "unicode61 remove_diacritics 0"
);

CREATE TRIGGER "JobAdSearch_ad_insert" AFTER INSERT ON "JobAd" BEGIN
    INSERT INTO "JobAdSearch" ("jobAdId", "title", "body", "tasks", "targetGroup", "place")
    SELECT NEW."id", NEW."title", NEW."description" || ' ' || NEW."offers",
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW."tasks", 'email', 'e-mail email mail'), 'photos', 'billeder fotos photos'), 'games', 'spil games'), 'social_media', 'sociale medier facebook social media'), 'video_calls', 'videoopkald video calls'), 'music_streaming', 'musik streaming music'), 'tablets_phones', 'tablets telefoner phones'), 'online_safety', 'sikkerhed på nettet online safety'), 'internet_cafe', 'internetcafé internet café'), 'staff_programs', 'programmer til personalet staff programs'), 'relatives_support', 'pårørende relatives'),
           NEW."targetGroup" || ' ' || f."targetGroups",
           f."name" || ' ' || f."postcode" || ' ' || f."town" || ' ' || m."name"
    FROM "Facility" f JOIN "Municipality" m ON m."id" = NEW."municipalityId"
    WHERE f."id" = NEW."facilityId";
END;

CREATE TRIGGER "JobAdSearch_ad_update" AFTER UPDATE OF "title", "description", "offers", "tasks", "targetGroup", "facilityId", "municipalityId" ON "JobAd" BEGIN
    DELETE FROM "JobAdSearch" WHERE "jobAdId" = OLD."id";
    INSERT INTO "JobAdSearch" ("jobAdId", "title", "body", "tasks", "targetGroup", "place")
    SELECT NEW."id", NEW."title", NEW."description" || ' ' || NEW."offers",
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW."tasks", 'email', 'e-mail email mail'), 'photos', 'billeder fotos photos'), 'games', 'spil games'), 'social_media', 'sociale medier facebook social media'), 'video_calls', 'videoopkald video calls'), 'music_streaming', 'musik streaming music'), 'tablets_phones', 'tablets telefoner phones'), 'online_safety', 'sikkerhed på nettet online safety'), 'internet_cafe', 'internetcafé internet café'), 'staff_programs', 'programmer til personalet staff programs'), 'relatives_support', 'pårørende relatives'),
           NEW."targetGroup" || ' ' || f."targetGroups",
           f."name" || ' ' || f."postcode" || ' ' || f."town" || ' ' || m."name"
    FROM "Facility" f JOIN "Municipality" m ON m."id" = NEW."municipalityId"
    WHERE f."id" = NEW."facilityId";
END;

CREATE TRIGGER "JobAdSearch_ad_delete" AFTER DELETE ON "JobAd" BEGIN
    DELETE FROM "JobAdSearch" WHERE "jobAdId" = OLD."id";
END;

-- A facility's name, place or target groups are part of each of its ads' rows.
CREATE TRIGGER "JobAdSearch_facility_update" AFTER UPDATE OF "name", "postcode", "town", "targetGroups", "municipalityId" ON "Facility" BEGIN
    UPDATE "JobAdSearch"
    SET "targetGroup" = (SELECT a."targetGroup" FROM "JobAd" a WHERE a."id" = "JobAdSearch"."jobAdId") || ' ' || NEW."targetGroups",
        "place" = NEW."name" || ' ' || NEW."postcode" || ' ' || NEW."town" || ' ' ||
                  (SELECT m."name" FROM "JobAd" a JOIN "Municipality" m ON m."id" = a."municipalityId" WHERE a."id" = "JobAdSearch"."jobAdId")
    WHERE "jobAdId" IN (SELECT "id" FROM "JobAd" WHERE "facilityId" = NEW."id");
END;

CREATE TRIGGER "JobAdSearch_municipality_update" AFTER UPDATE OF "name" ON "Municipality" BEGIN
    UPDATE "JobAdSearch"
    SET "place" = (SELECT f."name" || ' ' || f."postcode" || ' ' || f."town" || ' ' || NEW."name"
                   FROM "JobAd" a JOIN "Facility" f ON f."id" = a."facilityId" WHERE a."id" = "JobAdSearch"."jobAdId")
    WHERE "jobAdId" IN (SELECT "id" FROM "JobAd" WHERE "municipalityId" = NEW."id");
END;

-- The ads that exist already.
INSERT INTO "JobAdSearch" ("jobAdId", "title", "body", "tasks", "targetGroup", "place")
SELECT a."id", a."title", a."description" || ' ' || a."offers",
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(a."tasks", 'email', 'e-mail email mail'), 'photos', 'billeder fotos photos'), 'games', 'spil games'), 'social_media', 'sociale medier facebook social media'), 'video_calls', 'videoopkald video calls'), 'music_streaming', 'musik streaming music'), 'tablets_phones', 'tablets telefoner phones'), 'online_safety', 'sikkerhed på nettet online safety'), 'internet_cafe', 'internetcafé internet café'), 'staff_programs', 'programmer til personalet staff programs'), 'relatives_support', 'pårørende relatives'),
       a."targetGroup" || ' ' || f."targetGroups",
       f."name" || ' ' || f."postcode" || ' ' || f."town" || ' ' || m."name"
FROM "JobAd" a JOIN "Facility" f ON f."id" = a."facilityId" JOIN "Municipality" m ON m."id" = a."municipalityId";

-- The board filters and counts published ads by these columns only; with all of them in one
-- index SQLite never reads the (large) ad rows to count or filter (10,000 ads: ~1 ms instead of ~50 ms).
CREATE INDEX "JobAd_board_idx" ON "JobAd"("status", "publishedAt", "id", "expiresAt", "municipalityId", "frequency", "weekdays", "tasks", "facilityId");
-- "Nearest to a postcode" reads each candidate's facility postcode from this index alone.
CREATE INDEX "Facility_id_postcode_idx" ON "Facility"("id", "postcode");
