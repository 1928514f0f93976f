import { Button, Heading, Section, Text } from '@react-email/components'
import { colors, EmailLayout, type EmailFooterLinks } from './email-layout'

export interface MaintenanceAlertProps extends EmailFooterLinks {
  vendorName: string
  /** "Maintenance scheduled", "Maintenance starts in 1 hour", "Maintenance started", "Maintenance completed". */
  headline: string
  title: string
  window: string
  components: string[]
  details: string | null
  vendorUrl: string
}

export function MaintenanceAlertEmail(p: MaintenanceAlertProps) {
  return (
    <EmailLayout
      preview={`${p.vendorName}: ${p.headline}: ${p.title}`}
      footer={{ settingsUrl: p.settingsUrl, unsubscribeUrl: p.unsubscribeUrl, note: `You get maintenance notices because you watch ${p.vendorName} on Vendorwatch.` }}
    >
      <Text style={{ color: colors.muted, fontSize: 13, margin: '0 0 4px', textTransform: 'uppercase', letterSpacing: '0.04em' }}>
        {p.vendorName} · {p.headline}
      </Text>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 12px' }}>
        {p.title}
      </Heading>
      <Text style={{ fontSize: 14, margin: '0 0 4px' }}>
        <strong>When:</strong> {p.window}
      </Text>
      {p.components.length > 0 && (
        <Text style={{ fontSize: 14, margin: '0 0 4px' }}>
          <strong>Affects:</strong> {p.components.join(', ')}
        </Text>
      )}
      {p.details && (
        <Section style={{ borderLeft: `3px solid ${colors.border}`, margin: '16px 0', paddingLeft: 12 }}>
          <Text style={{ fontSize: 14, lineHeight: '21px', margin: 0, whiteSpace: 'pre-line' }}>{p.details}</Text>
        </Section>
      )}
      <Button href={p.vendorUrl} style={{ backgroundColor: colors.brand, borderRadius: 6, color: '#ffffff', fontSize: 14, fontWeight: 600, padding: '10px 16px' }}>
        {p.vendorName} status
      </Button>
    </EmailLayout>
  )
}

MaintenanceAlertEmail.PreviewProps = {
  vendorName: 'GitHub',
  headline: 'Maintenance scheduled',
  title: 'Codespaces scheduled maintenance',
  window: 'Nov 25, 2026, 22:30 CET – Nov 26, 2026, 00:30 CET',
  components: ['Codespaces'],
  details: 'Codespaces will be undergoing global maintenance.',
  vendorUrl: 'http://localhost:3000/vendors/github',
  settingsUrl: 'http://localhost:3000/watchlist/github',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=example',
} satisfies MaintenanceAlertProps
