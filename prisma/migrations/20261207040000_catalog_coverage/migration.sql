-- AlterTable
ALTER TABLE "StatusSource" ADD COLUMN     "platformConfidence" TEXT,
ADD COLUMN     "platformEvidence" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedEvidence" TEXT;

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "addedById" TEXT,
ADD COLUMN     "pendingReview" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Vendor_addedById_idx" ON "Vendor"("addedById");

-- AddForeignKey
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
