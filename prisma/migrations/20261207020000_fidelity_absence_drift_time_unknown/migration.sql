-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "absentSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ComponentGroup" ADD COLUMN     "absentSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "IncidentUpdate" ADD COLUMN     "timeUnknown" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StatusSource" ADD COLUMN     "sourceChange" JSONB;
