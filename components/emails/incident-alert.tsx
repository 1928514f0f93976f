import { Button, Heading, Section, Text } from '@react-email/components'
import { colors, EmailLayout, type EmailFooterLinks } from './email-layout'

export interface IncidentAlertProps extends EmailFooterLinks {
  vendorName: string
  /** What happened, in words: "New incident", "Update", "Resolved", "Postmortem published". */
  headline: string
  title: string
  statusLabel: string
  impactLabel: string
  startedAt: string
  resolvedAt: string | null
  components: string[]
  /** The update this email is about (plain text of the vendor's words), with its time. */
  update: { statusLabel: string; at: string; text: string } | null
  postmortem: string | null
  incidentUrl: string
}

/** One email about one incident; every email of the incident shares a thread (see lib/notify/threading.ts). */
export function IncidentAlertEmail(p: IncidentAlertProps) {
  return (
    <EmailLayout
      preview={`${p.vendorName}: ${p.title} (${p.statusLabel})`}
      footer={{ settingsUrl: p.settingsUrl, unsubscribeUrl: p.unsubscribeUrl, note: `You get this because you watch ${p.vendorName} on Vendorwatch.` }}
    >
      <Text style={{ color: colors.muted, fontSize: 13, margin: '0 0 4px', textTransform: 'uppercase', letterSpacing: '0.04em' }}>
        {p.vendorName} · {p.headline}
      </Text>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 12px' }}>
        {p.title}
      </Heading>
      <Text style={{ fontSize: 14, margin: '0 0 4px' }}>
        <strong>Status:</strong> {p.statusLabel} · <strong>Impact:</strong> {p.impactLabel}
      </Text>
      <Text style={{ fontSize: 14, margin: '0 0 4px' }}>
        <strong>Started:</strong> {p.startedAt}
        {p.resolvedAt && (
          <>
            {' '}
            · <strong>Resolved:</strong> {p.resolvedAt}
          </>
        )}
      </Text>
      {p.components.length > 0 && (
        <Text style={{ fontSize: 14, margin: '0 0 4px' }}>
          <strong>Affected:</strong> {p.components.join(', ')}
        </Text>
      )}
      {p.update && (
        <Section style={{ borderLeft: `3px solid ${colors.border}`, margin: '16px 0', paddingLeft: 12 }}>
          <Text style={{ color: colors.muted, fontSize: 12, margin: '0 0 4px' }}>
            {p.update.statusLabel} · {p.update.at}
          </Text>
          <Text style={{ fontSize: 14, lineHeight: '21px', margin: 0, whiteSpace: 'pre-line' }}>{p.update.text}</Text>
        </Section>
      )}
      {p.postmortem && (
        <Section style={{ margin: '16px 0' }}>
          <Text style={{ fontSize: 15, fontWeight: 600, margin: '0 0 4px' }}>Postmortem</Text>
          <Text style={{ fontSize: 14, lineHeight: '21px', margin: 0, whiteSpace: 'pre-line' }}>{p.postmortem}</Text>
        </Section>
      )}
      <Button href={p.incidentUrl} style={{ backgroundColor: colors.brand, borderRadius: 6, color: '#ffffff', fontSize: 14, fontWeight: 600, padding: '10px 16px' }}>
        View the incident
      </Button>
    </EmailLayout>
  )
}

IncidentAlertEmail.PreviewProps = {
  vendorName: 'GitHub',
  headline: 'New incident',
  title: 'Degraded performance for Actions',
  statusLabel: 'Investigating',
  impactLabel: 'Minor',
  startedAt: 'Nov 24, 2026, 14:02 CET',
  resolvedAt: null,
  components: ['Actions'],
  update: { statusLabel: 'Investigating', at: 'Nov 24, 2026, 14:02 CET', text: 'We are investigating reports of degraded performance for Actions.' },
  postmortem: null,
  incidentUrl: 'http://localhost:3000/vendors/github/incidents/example',
  settingsUrl: 'http://localhost:3000/watchlist/github',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=example',
} satisfies IncidentAlertProps
