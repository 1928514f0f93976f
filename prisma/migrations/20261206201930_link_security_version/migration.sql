-- Emailed links are bound to the account's security version (issue 13, finding 1).
--
-- Links issued before this migration: an email-change or reset link may predate a password change
-- that should have killed it, and nothing records whether it does, so those are voided (a reset
-- link lives an hour, a change link a day; the user asks again). Verification links only prove an
-- address and stay usable: they get the version every user starts at.
DELETE FROM "AuthToken" WHERE "usedAt" IS NULL AND "purpose" IN ('change_email', 'reset_password');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "securityVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable: existing rows get 0 (matching every user's starting version), new rows must say.
ALTER TABLE "AuthToken" ADD COLUMN     "securityVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "AuthToken" ALTER COLUMN "securityVersion" DROP DEFAULT;
