import { Button, Heading, Section, Text } from '@react-email/components'
import { colors, EmailLayout, type EmailFooterLinks } from './email-layout'

export interface PossibleOutageAlertProps extends EmailFooterLinks {
  vendorName: string
  /** "Possible outage (unofficial)" or "Possible outage (unofficial): signals subsided". */
  headline: string
  /** The account in words (lib/format/possible-outage.ts): who sees what since when, the figures. */
  summary: string
  vendorUrl: string
}

/**
 * Our own early warning (issue 19), never the vendor's word: the email says "unofficial" in its
 * label, its heading and its footer, and points at the vendor page where the reports chart is.
 * Only for watches that opted in.
 */
export function PossibleOutageAlertEmail(p: PossibleOutageAlertProps) {
  return (
    <EmailLayout
      preview={p.summary}
      footer={{
        settingsUrl: p.settingsUrl,
        unsubscribeUrl: p.unsubscribeUrl,
        note: `You asked for early warnings about ${p.vendorName}: problems Vendorwatch users report and our probes see before ${p.vendorName}'s status page says anything. They are unofficial and can be wrong.`,
      }}
    >
      <Text style={{ color: colors.muted, fontSize: 13, margin: '0 0 4px', textTransform: 'uppercase', letterSpacing: '0.04em' }}>
        {p.vendorName} · Unofficial early warning
      </Text>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 12px' }}>
        {p.headline}
      </Heading>
      <Section style={{ borderLeft: `3px solid ${colors.border}`, margin: '0 0 16px', paddingLeft: 12 }}>
        <Text style={{ fontSize: 14, lineHeight: '21px', margin: 0 }}>{p.summary}</Text>
      </Section>
      <Button href={p.vendorUrl} style={{ backgroundColor: colors.brand, borderRadius: 6, color: '#ffffff', fontSize: 14, fontWeight: 600, padding: '10px 16px' }}>
        {p.vendorName} on Vendorwatch
      </Button>
    </EmailLayout>
  )
}

PossibleOutageAlertEmail.PreviewProps = {
  vendorName: 'GitHub',
  headline: 'Possible outage (unofficial)',
  summary:
    "Possible outage (unofficial): users report problems with GitHub since 10:42 CET — 23 reports in 15 min, 8× usual; 2 of 3 probes failing. GitHub's status page says operational.",
  vendorUrl: 'http://localhost:3000/vendors/github',
  settingsUrl: 'http://localhost:3000/watchlist/github',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=example',
} satisfies PossibleOutageAlertProps
