import { Heading, Link, Section, Text } from '@react-email/components'
import { colors, EmailLayout } from './email-layout'

export interface DigestEntry {
  at: string
  /** e.g. "Incident: Degraded performance for Actions (Resolved)" */
  summary: string
  url: string
}

export interface DailyDigestProps {
  date: string
  vendors: { name: string; entries: DigestEntry[] }[]
  settingsUrl: string
}

/** Yesterday's and today's alerts for readers who chose a daily digest, grouped by vendor. */
export function DailyDigestEmail(p: DailyDigestProps) {
  const count = p.vendors.reduce((n, v) => n + v.entries.length, 0)
  return (
    <EmailLayout preview={`${count} ${count === 1 ? 'update' : 'updates'} from the vendors you watch`} footer={{ settingsUrl: p.settingsUrl, note: 'You get a daily digest because you chose it for these vendors.' }}>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 4px' }}>
        Your vendors, {p.date}
      </Heading>
      <Text style={{ color: colors.muted, fontSize: 14, margin: '0 0 16px' }}>
        {count} {count === 1 ? 'update' : 'updates'} since your last digest.
      </Text>
      {p.vendors.map((v) => (
        <Section key={v.name} style={{ margin: '0 0 16px' }}>
          <Text style={{ fontSize: 16, fontWeight: 600, margin: '0 0 4px' }}>{v.name}</Text>
          {v.entries.map((e) => (
            <Text key={`${e.url}${e.at}${e.summary}`} style={{ fontSize: 14, margin: '0 0 4px' }}>
              <span style={{ color: colors.muted }}>{e.at}</span> ·{' '}
              <Link href={e.url} style={{ color: colors.brand }}>
                {e.summary}
              </Link>
            </Text>
          ))}
        </Section>
      ))}
    </EmailLayout>
  )
}

DailyDigestEmail.PreviewProps = {
  date: 'Tuesday, November 24',
  vendors: [{ name: 'GitHub', entries: [{ at: '14:02 CET', summary: 'Incident: Degraded performance for Actions (Resolved)', url: 'http://localhost:3000/vendors/github' }] }],
  settingsUrl: 'http://localhost:3000/dashboard',
} satisfies DailyDigestProps
