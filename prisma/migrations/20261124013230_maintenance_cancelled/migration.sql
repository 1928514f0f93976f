-- AlterEnum
ALTER TYPE "MaintenanceStatus" ADD VALUE 'cancelled';
