-- AlterTable
ALTER TABLE "StatusSource" ALTER COLUMN "nextCheckAt" DROP NOT NULL,
ALTER COLUMN "nextCheckAt" DROP DEFAULT;
