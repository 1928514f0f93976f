-- DropIndex
DROP INDEX "ProbeResult_probeId_checkedAt_idx";

-- AlterTable
ALTER TABLE "Probe" ADD COLUMN     "nextCheckAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Probe_nextCheckAt_idx" ON "Probe"("nextCheckAt");

-- CreateIndex
CREATE INDEX "ProbeResult_probeId_checkedAt_ok_latencyMs_idx" ON "ProbeResult"("probeId", "checkedAt", "ok", "latencyMs");
