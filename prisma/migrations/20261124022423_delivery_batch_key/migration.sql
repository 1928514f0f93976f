-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "batchKey" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_batchKey_idx" ON "Delivery"("batchKey");
