-- Auth.js's Prisma adapter is gone: with Credentials + JWT sessions it never read or wrote these
-- tables. Signed-out sessions live in RevokedSession; emailed links in AuthToken.
-- DropForeignKey
ALTER TABLE "Account" DROP CONSTRAINT "Account_userId_fkey";

-- DropForeignKey
ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey";

-- DropTable
DROP TABLE "Account";

-- DropTable
DROP TABLE "Session";

-- DropTable
DROP TABLE "VerificationToken";
