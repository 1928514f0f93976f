import { Button, Heading, Text } from '@react-email/components'
import { colors, EmailLayout } from './email-layout'

export interface AccountEmailProps {
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Small print under the action (how long the link works, what to do if it was not you). */
  footnote?: string
}

/** Verification, password reset and email change: one short message with at most one action. */
export function AccountEmail(p: AccountEmailProps) {
  return (
    <EmailLayout preview={p.paragraphs[0] ?? p.heading} footer={{ note: p.footnote }}>
      <Heading as="h1" style={{ fontSize: 22, lineHeight: '28px', margin: '0 0 12px' }}>
        {p.heading}
      </Heading>
      {p.paragraphs.map((text) => (
        <Text key={text} style={{ fontSize: 15, lineHeight: '22px', margin: '0 0 12px' }}>
          {text}
        </Text>
      ))}
      {p.action && (
        <>
          <Button href={p.action.url} style={{ backgroundColor: colors.brand, borderRadius: 6, color: '#ffffff', fontSize: 14, fontWeight: 600, margin: '8px 0 16px', padding: '10px 16px' }}>
            {p.action.label}
          </Button>
          <Text style={{ color: colors.muted, fontSize: 13, margin: 0, wordBreak: 'break-all' }}>Or paste this link into your browser: {p.action.url}</Text>
        </>
      )}
    </EmailLayout>
  )
}

AccountEmail.PreviewProps = {
  heading: 'Confirm your email',
  paragraphs: ['Welcome to Vendorwatch. Confirm this is your address so we can send you alerts about the vendors you watch.'],
  action: { label: 'Confirm my email', url: 'http://localhost:3000/verify?token=example' },
  footnote: 'The link works for 48 hours. If you did not sign up, ignore this email.',
} satisfies AccountEmailProps
