// What the e2e app has sent: the messages the local Resend stand-in accepted, oldest first.
import type { ReceivedEmail } from '@/lib/testing/fake-resend'
import { FAKE_RESEND_URL } from './config'

export type SentEmail = ReceivedEmail

export async function sentEmails(): Promise<SentEmail[]> {
  const res = await fetch(`${FAKE_RESEND_URL}/__messages`)
  if (!res.ok) throw new Error(`the Resend stand-in answered ${res.status}`)
  return (await res.json()) as SentEmail[]
}

export async function sentEmailsTo(address: string): Promise<SentEmail[]> {
  return (await sentEmails()).filter((m) => m.to === address || (Array.isArray(m.to) && m.to.includes(address)))
}
