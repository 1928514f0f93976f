-- The channel outbox marks events it has fanned out apart from email's mark, so the two fan-outs
-- never wait on each other. Events recorded before destinations existed are history: marked done.
-- AlterTable
ALTER TABLE "ChangeEvent" ADD COLUMN     "channelsFannedOutAt" TIMESTAMP(3);

UPDATE "ChangeEvent" SET "channelsFannedOutAt" = CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "ChangeEvent_channelsFannedOutAt_createdAt_idx" ON "ChangeEvent"("channelsFannedOutAt", "createdAt");
