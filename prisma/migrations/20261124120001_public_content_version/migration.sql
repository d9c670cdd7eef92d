-- A version number for everything anonymous visitors see on /jobs, /jobs/<id> and the feeds. The
-- database bumps it itself, so no code path that changes an ad, a facility or its ethics policy
-- (models, seeds, background jobs, future features) can forget to; app/server.ts keeps anonymous
-- responses only while the version is unchanged (app/utils/page-cache.server.ts).
-- NOTE: a future migration that rebuilds JobAd, Facility or EthicsPolicyEntry drops these
-- triggers; it must recreate them (copy them from this file).

-- CreateTable
CREATE TABLE "PublicContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "PublicContentVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "PublicContentVersion_ad_insert" AFTER INSERT ON "JobAd" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_ad_update" AFTER UPDATE ON "JobAd" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_ad_delete" AFTER DELETE ON "JobAd" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_facility_insert" AFTER INSERT ON "Facility" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_facility_update" AFTER UPDATE ON "Facility" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_facility_delete" AFTER DELETE ON "Facility" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_ethics_insert" AFTER INSERT ON "EthicsPolicyEntry" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_ethics_update" AFTER UPDATE ON "EthicsPolicyEntry" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "PublicContentVersion_ethics_delete" AFTER DELETE ON "EthicsPolicyEntry" BEGIN
    UPDATE "PublicContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
