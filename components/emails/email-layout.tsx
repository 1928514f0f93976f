import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

export const colors = { text: '#0f172a', muted: '#475569', faint: '#94a3b8', border: '#e2e8f0', brand: '#3b4fd9', page: '#f8fafc' }

export interface EmailFooterLinks {
  /** Where the reader changes what they get for this vendor. */
  settingsUrl?: string
  /** One-click unsubscribe page for this vendor's alerts. */
  unsubscribeUrl?: string
}

/** The frame every Vendorwatch email shares: a plain, readable column that survives any client. */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer: EmailFooterLinks & { note?: string } }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, color: colors.text, fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', border: `1px solid ${colors.border}`, borderRadius: 8, maxWidth: 600, padding: 24 }}>
          <Text style={{ color: colors.brand, fontSize: 14, fontWeight: 600, margin: '0 0 16px' }}>Vendorwatch</Text>
          {children}
          <Hr style={{ borderColor: colors.border, margin: '24px 0 16px' }} />
          <Section>
            {footer.note && <Text style={{ color: colors.muted, fontSize: 12, margin: '0 0 8px' }}>{footer.note}</Text>}
            <Text style={{ color: colors.muted, fontSize: 12, margin: 0 }}>
              {footer.settingsUrl && (
                <>
                  <Link href={footer.settingsUrl} style={{ color: colors.muted, textDecoration: 'underline' }}>
                    Alert settings
                  </Link>
                  {footer.unsubscribeUrl && ' · '}
                </>
              )}
              {footer.unsubscribeUrl && (
                <Link href={footer.unsubscribeUrl} style={{ color: colors.muted, textDecoration: 'underline' }}>
                  Unsubscribe
                </Link>
              )}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}
