-- Vendor search: aliases ("aws", "gh", "s3") and trigram indexes for substring and typo-tolerant
-- matches on vendor and component names. pg_trgm ships with PostgreSQL (contrib) and with PGlite
-- (loaded by lib/db/adapter.mjs into every instance it opens).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "VendorAlias" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "component" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "VendorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VendorAlias_vendorId_idx" ON "VendorAlias"("vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorAlias_alias_vendorId_key" ON "VendorAlias"("alias", "vendorId");

-- CreateIndex
CREATE INDEX "Vendor_name_trgm_idx" ON "Vendor" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Vendor_slug_trgm_idx" ON "Vendor" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Component_name_trgm_idx" ON "Component" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Component_externalId_trgm_idx" ON "Component" USING GIN ("externalId" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "VendorAlias" ADD CONSTRAINT "VendorAlias_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Logos: each vendor's icon, fetched once from its status page and served from our own origin.
-- CreateTable
CREATE TABLE "VendorLogo" (
    "vendorId" TEXT NOT NULL,
    "contentType" TEXT,
    "bytes" BYTEA,
    "sha256" TEXT,
    "sourceUrl" TEXT,
    "error" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorLogo_pkey" PRIMARY KEY ("vendorId")
);

-- AddForeignKey
ALTER TABLE "VendorLogo" ADD CONSTRAINT "VendorLogo_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
