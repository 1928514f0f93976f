-- The channel outbox marks the events it has fanned out in a table of its own, apart from email's
-- mark on ChangeEvent, so the two fan-outs never lock each other's rows. It looks at recent events
-- only (by createdAt). Events recorded before destinations existed are history: marked done.
-- CreateTable
CREATE TABLE "ChannelFanout" (
    "eventId" TEXT NOT NULL,
    "fannedOutAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelFanout_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "ChangeEvent_createdAt_idx" ON "ChangeEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "ChannelFanout" ADD CONSTRAINT "ChannelFanout_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ChannelFanout" ("eventId", "fannedOutAt") SELECT id, CURRENT_TIMESTAMP FROM "ChangeEvent";
