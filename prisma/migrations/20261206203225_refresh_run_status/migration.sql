-- CreateEnum
CREATE TYPE "RefreshRunStatus" AS ENUM ('running', 'completed', 'failed', 'interrupted', 'abandoned');

-- AlterTable
ALTER TABLE "RefreshRun" ADD COLUMN     "status" "RefreshRunStatus" NOT NULL DEFAULT 'running';

-- CreateIndex
CREATE INDEX "RefreshRun_status_startedAt_idx" ON "RefreshRun"("status", "startedAt");

-- Runs recorded before this column: a finished run completed or failed; one never finished stays
-- `running` until the next cycle marks it abandoned.
UPDATE "RefreshRun" SET "status" = CASE WHEN "error" IS NOT NULL THEN 'failed'::"RefreshRunStatus" ELSE 'completed'::"RefreshRunStatus" END
 WHERE "finishedAt" IS NOT NULL;
