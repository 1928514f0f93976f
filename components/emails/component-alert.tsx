import { Button, Heading, Text } from '@react-email/components'
import { colors, EmailLayout, type EmailFooterLinks } from './email-layout'

export interface ComponentAlertProps extends EmailFooterLinks {
  vendorName: string
  component: string
  from: string
  to: string
  at: string
  vendorUrl: string
}

/**
 * A component changed status while no open incident of the vendor covered it (only for watches
 * that opted in; changes an open incident covers are left to the incident's emails, rules.ts).
 */
export function ComponentAlertEmail(p: ComponentAlertProps) {
  return (
    <EmailLayout
      preview={`${p.vendorName} ${p.component}: ${p.to}`}
      footer={{ settingsUrl: p.settingsUrl, unsubscribeUrl: p.unsubscribeUrl, note: `You asked for component changes of ${p.vendorName} that no open incident covers.` }}
    >
      <Text style={{ color: colors.muted, fontSize: 13, margin: '0 0 4px', textTransform: 'uppercase', letterSpacing: '0.04em' }}>
        {p.vendorName} · Component status
      </Text>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 12px' }}>
        {p.component}: {p.to}
      </Heading>
      <Text style={{ fontSize: 14, margin: '0 0 16px' }}>
        Was {p.from} · changed {p.at}. When we saw the change, {p.vendorName} had no open incident covering this component.
      </Text>
      <Button href={p.vendorUrl} style={{ backgroundColor: colors.brand, borderRadius: 6, color: '#ffffff', fontSize: 14, fontWeight: 600, padding: '10px 16px' }}>
        {p.vendorName} status
      </Button>
    </EmailLayout>
  )
}

ComponentAlertEmail.PreviewProps = {
  vendorName: 'GitHub',
  component: 'Actions',
  from: 'Operational',
  to: 'Degraded performance',
  at: 'Nov 24, 2026, 14:02 CET',
  vendorUrl: 'http://localhost:3000/vendors/github',
  settingsUrl: 'http://localhost:3000/watchlist/github',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=example',
} satisfies ComponentAlertProps
