-- CreateEnum
CREATE TYPE "DestinationKind" AS ENUM ('slack', 'discord', 'google_chat', 'teams', 'pagerduty', 'webhook');

-- CreateEnum
CREATE TYPE "DestinationHealth" AS ENUM ('ok', 'broken');

-- AlterTable
ALTER TABLE "WatchlistEntry" ADD COLUMN     "allDestinations" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Destination" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "DestinationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sealedSettings" TEXT NOT NULL,
    "maskedTarget" TEXT NOT NULL,
    "health" "DestinationHealth" NOT NULL DEFAULT 'ok',
    "brokenReason" TEXT,
    "brokenAt" TIMESTAMP(3),
    "brokenNotifiedAt" TIMESTAMP(3),
    "lastResultAt" TIMESTAMP(3),
    "lastResultOk" BOOLEAN,
    "lastResult" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Destination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchlistDestination" (
    "entryId" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,

    CONSTRAINT "WatchlistDestination_pkey" PRIMARY KEY ("entryId","destinationId")
);

-- CreateTable
CREATE TABLE "ChannelDelivery" (
    "id" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelThread" (
    "id" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "channelDeliveryId" TEXT,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "detail" TEXT,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Destination_userId_idx" ON "Destination"("userId");

-- CreateIndex
CREATE INDEX "WatchlistDestination_destinationId_idx" ON "WatchlistDestination"("destinationId");

-- CreateIndex
CREATE INDEX "ChannelDelivery_status_nextAttemptAt_idx" ON "ChannelDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelDelivery_destinationId_eventId_key" ON "ChannelDelivery"("destinationId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelThread_destinationId_subjectKey_key" ON "ChannelThread"("destinationId", "subjectKey");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_destinationId_attemptedAt_idx" ON "DeliveryAttempt"("destinationId", "attemptedAt");

-- AddForeignKey
ALTER TABLE "Destination" ADD CONSTRAINT "Destination_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchlistDestination" ADD CONSTRAINT "WatchlistDestination_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WatchlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchlistDestination" ADD CONSTRAINT "WatchlistDestination_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelDelivery" ADD CONSTRAINT "ChannelDelivery_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelDelivery" ADD CONSTRAINT "ChannelDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelThread" ADD CONSTRAINT "ChannelThread_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Destination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
