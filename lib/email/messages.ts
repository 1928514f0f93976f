// The account emails (verification, reset, email change), rendered from one React Email
// template into HTML and plain text. Alert emails live in lib/notify.
import { render } from '@react-email/render'
import { createElement } from 'react'
import { AccountEmail, type AccountEmailProps } from '@/components/emails/account-email'
import type { EmailMessage } from './types'

async function compose(to: string, subject: string, props: AccountEmailProps): Promise<EmailMessage> {
  const element = createElement(AccountEmail, props)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { to, subject, text, html }
}

export function verifyEmailMessage(to: string, url: string): Promise<EmailMessage> {
  return compose(to, 'Confirm your email for Vendorwatch', {
    heading: 'Confirm your email',
    paragraphs: ['Welcome to Vendorwatch. Confirm this is your address so we can send you alerts about the vendors you watch.'],
    action: { label: 'Confirm my email', url },
    footnote: 'The link works for 48 hours. If you did not sign up, ignore this email.',
  })
}

export function passwordResetMessage(to: string, url: string): Promise<EmailMessage> {
  return compose(to, 'Reset your Vendorwatch password', {
    heading: 'Reset your password',
    paragraphs: ['Someone (hopefully you) asked to reset the password of your Vendorwatch account.'],
    action: { label: 'Choose a new password', url },
    footnote: 'The link works for 1 hour and only once. If you did not ask for it, ignore this email: your password stays as it is.',
  })
}

export function emailChangeMessage(to: string, url: string): Promise<EmailMessage> {
  return compose(to, 'Confirm your new email for Vendorwatch', {
    heading: 'Confirm your new email',
    paragraphs: [`Confirm that ${to} should become the email of your Vendorwatch account. Until you do, we keep using your current address.`],
    action: { label: 'Confirm new email', url },
    footnote: 'The link works for 24 hours. If you did not ask for this, ignore this email.',
  })
}

/** To the owner of an address someone tried to sign up with (sign-up never says it is taken). */
export function signUpAttemptNotice(to: string, resetUrl: string): Promise<EmailMessage> {
  return compose(to, 'Someone tried to sign up for Vendorwatch with your email', {
    heading: 'You already have an account',
    paragraphs: [
      'Someone just tried to create a Vendorwatch account with this address, which already has one. Nothing about your account changed.',
      'If it was you: sign in with your password, or reset it if you have forgotten it.',
    ],
    action: { label: 'Reset my password', url: resetUrl },
    footnote: 'If it was not you, ignore this email.',
  })
}

export function emailChangedNotice(to: string, newEmail: string): Promise<EmailMessage> {
  return compose(to, 'Your Vendorwatch email was changed', {
    heading: 'Your email was changed',
    paragraphs: [
      `The email of your Vendorwatch account was changed to ${newEmail}. We will not send anything to this address any more.`,
      'If you did not make this change, someone else may be using your account: reply to this message and we will help you get it back.',
    ],
  })
}

export function destinationBrokenMessage(to: string, destinationName: string, reason: string, settingsUrl: string): Promise<EmailMessage> {
  return compose(to, `Vendorwatch stopped sending to ${destinationName}`, {
    heading: `Alerts to “${destinationName}” are stopped`,
    paragraphs: [
      `The last alert to ${destinationName} was refused: ${reason}.`,
      'Nothing more is sent there until you fix it (reconnect it or save a new URL or key). Your email alerts continue as before.',
    ],
    action: { label: 'Open destinations', url: settingsUrl },
    footnote: 'You get this email once each time a destination stops working.',
  })
}
