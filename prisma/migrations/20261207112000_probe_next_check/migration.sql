-- AlterTable
ALTER TABLE "Probe" ADD COLUMN     "nextCheckAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Probe_nextCheckAt_idx" ON "Probe"("nextCheckAt");
