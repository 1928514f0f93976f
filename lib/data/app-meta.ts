// Installation facts kept in the database (e.g. which catalog version was seeded).
import { db } from '@/lib/db/client'

export async function readAppMeta(key: string): Promise<string | null> {
  return (await db.appMeta.findUnique({ where: { key } }))?.value ?? null
}

export async function writeAppMeta(key: string, value: string): Promise<void> {
  await db.appMeta.upsert({ where: { key }, create: { key, value }, update: { value } })
}
