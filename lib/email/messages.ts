// The account emails: plain text first (many people read mail that way), the same words as
// simple HTML. Alert emails arrive with the notifications work.
import type { EmailMessage } from './types'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function compose(to: string, subject: string, paragraphs: string[], action?: { label: string; url: string }, footer?: string): EmailMessage {
  const text = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), ...(footer ? [footer] : []), '— Vendorwatch'].join('\n\n')
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:28px">
<p style="margin:0 0 20px;font-weight:600;font-size:16px">Vendorwatch</p>
${paragraphs.map((p) => `<p style="margin:0 0 16px;font-size:15px;line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4338ca;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#475569;word-break:break-all">Or paste this link into your browser: ${escapeHtml(action.url)}</p>` : ''}
${footer ? `<p style="margin:16px 0 0;font-size:13px;color:#64748b">${escapeHtml(footer)}</p>` : ''}
</div></body></html>`
  return { to, subject, text, html }
}

export function verifyEmailMessage(to: string, url: string): EmailMessage {
  return compose(
    to,
    'Confirm your email for Vendorwatch',
    ['Welcome to Vendorwatch. Confirm this is your address so we can send you alerts about the vendors you watch.'],
    { label: 'Confirm my email', url },
    'The link works for 48 hours. If you did not sign up, ignore this email.',
  )
}

export function passwordResetMessage(to: string, url: string): EmailMessage {
  return compose(
    to,
    'Reset your Vendorwatch password',
    ['Someone (hopefully you) asked to reset the password of your Vendorwatch account.'],
    { label: 'Choose a new password', url },
    'The link works for 1 hour and only once. If you did not ask for it, ignore this email: your password stays as it is.',
  )
}

export function emailChangeMessage(to: string, url: string): EmailMessage {
  return compose(
    to,
    'Confirm your new email for Vendorwatch',
    [`Confirm that ${to} should become the email of your Vendorwatch account. Until you do, we keep using your current address.`],
    { label: 'Confirm new email', url },
    'The link works for 24 hours. If you did not ask for this, ignore this email.',
  )
}

export function emailChangedNotice(to: string, newEmail: string): EmailMessage {
  return compose(to, 'Your Vendorwatch email was changed', [
    `The email of your Vendorwatch account was changed to ${newEmail}. We will not send anything to this address any more.`,
    'If you did not make this change, someone else may be using your account: reply to this message and we will help you get it back.',
  ])
}
