-- CreateTable
CREATE TABLE "StackPage" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT,
    "slug" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StackPage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StackPage_userId_key" ON "StackPage"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StackPage_tokenHash_key" ON "StackPage"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "StackPage_slug_key" ON "StackPage"("slug");

-- AddForeignKey
ALTER TABLE "StackPage" ADD CONSTRAINT "StackPage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
