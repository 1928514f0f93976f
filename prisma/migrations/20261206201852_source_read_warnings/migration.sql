-- AlterTable
ALTER TABLE "StatusSource" ADD COLUMN     "readWarnings" JSONB;
