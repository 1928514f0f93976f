-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ChangeEventKind" ADD VALUE 'possible_outage_opened';
ALTER TYPE "ChangeEventKind" ADD VALUE 'possible_outage_closed';

-- AlterTable
ALTER TABLE "ChangeEvent" ADD COLUMN     "possibleOutageId" TEXT;

-- AlterTable
ALTER TABLE "WatchlistEntry" ADD COLUMN     "possibleOutageAlerts" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "componentId" TEXT,
    "browserKey" TEXT NOT NULL,
    "networkKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProblemReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Probe" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "upBelow" INTEGER NOT NULL DEFAULT 500,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeResult" (
    "id" TEXT NOT NULL,
    "probeId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "ProbeResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PossibleOutage" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "openKey" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "trigger" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "incidentId" TEXT,
    "leadSeconds" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PossibleOutage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProblemReport_vendorId_createdAt_idx" ON "ProblemReport"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_vendorId_browserKey_createdAt_idx" ON "ProblemReport"("vendorId", "browserKey", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_vendorId_networkKey_createdAt_idx" ON "ProblemReport"("vendorId", "networkKey", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_createdAt_idx" ON "ProblemReport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Probe_vendorId_url_key" ON "Probe"("vendorId", "url");

-- CreateIndex
CREATE INDEX "ProbeResult_probeId_checkedAt_idx" ON "ProbeResult"("probeId", "checkedAt");

-- CreateIndex
CREATE INDEX "ProbeResult_checkedAt_idx" ON "ProbeResult"("checkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PossibleOutage_openKey_key" ON "PossibleOutage"("openKey");

-- CreateIndex
CREATE INDEX "PossibleOutage_vendorId_openedAt_idx" ON "PossibleOutage"("vendorId", "openedAt");

-- CreateIndex
CREATE INDEX "PossibleOutage_closedAt_idx" ON "PossibleOutage"("closedAt");

-- AddForeignKey
ALTER TABLE "ChangeEvent" ADD CONSTRAINT "ChangeEvent_possibleOutageId_fkey" FOREIGN KEY ("possibleOutageId") REFERENCES "PossibleOutage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeResult" ADD CONSTRAINT "ProbeResult_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PossibleOutage" ADD CONSTRAINT "PossibleOutage_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PossibleOutage" ADD CONSTRAINT "PossibleOutage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
