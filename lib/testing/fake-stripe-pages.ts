// The hosted pages of the local Stripe stand-in (fake-stripe.ts): Checkout and the billing portal
// as plain HTML forms, so a Playwright spec can press the same buttons a customer would. Labels
// are part of the contract with e2e/billing.spec.ts: "Subscribe", "Back", "Cancel plan",
// "Cancel at period end", "Resume plan", "Return to Vendorwatch".
import type { Delivery, FakeCheckoutSession, FakeCustomer, FakePortalSession, FakePrice, FakeSubscription } from './fake-stripe-objects'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.4rem 1rem;margin:.25rem 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`
}

/** "$9.00 per month": what Stripe's own Checkout shows for a recurring price. */
export function describePrice(price: FakePrice): string {
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency.toUpperCase() }).format(price.unit_amount / 100)
  return `${amount} per ${price.recurring.interval}`
}

const day = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10)

export const CHECKOUT_TITLE = 'Stripe Checkout (local stand-in)'
export const PORTAL_TITLE = 'Billing portal (local stand-in)'

export function checkoutPage(session: FakeCheckoutSession, prices: FakePrice[], customer: FakeCustomer | undefined, successUrl: string): string {
  const lines = prices.map((p) => `<li>${escapeHtml(p.id)}: ${escapeHtml(describePrice(p))}</li>`).join('')
  const who = customer?.email ? `<p>Paying as ${escapeHtml(customer.email)}</p>` : ''
  if (session.status === 'complete') {
    return layout(CHECKOUT_TITLE, `<p role="status">This Checkout session is already paid.</p><p><a href="${escapeHtml(successUrl)}">Continue</a></p>`)
  }
  const back = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>` : ''
  return layout(
    CHECKOUT_TITLE,
    `${who}<ul aria-label="Order summary">${lines}</ul>
<form method="post" action="/checkout/${escapeHtml(session.id)}"><button type="submit">Subscribe</button></form>
${back}`,
  )
}

function describeSubscription(sub: FakeSubscription): string {
  const price = sub.items.data[0]?.price
  const plan = price ? `${escapeHtml(price.id)} (${escapeHtml(describePrice(price))})` : 'no price'
  const item = sub.items.data[0]
  const status =
    sub.status === 'canceled'
      ? 'canceled'
      : sub.cancel_at_period_end && item
        ? `${sub.status}, cancels at period end on ${day(item.current_period_end)}`
        : `${sub.status}, renews on ${item ? day(item.current_period_end) : 'unknown'}`
  return `<p>Plan: ${plan}</p><p>Status: ${escapeHtml(status)}</p>`
}

const actionButton = (sessionId: string, action: string, label: string) =>
  `<form method="post" action="/portal/${escapeHtml(sessionId)}"><input type="hidden" name="action" value="${action}"><button type="submit">${label}</button></form>`

export function portalPage(session: FakePortalSession, customer: FakeCustomer | undefined, subscription: FakeSubscription | undefined): string {
  const who = customer?.email ? `<p>Signed in as ${escapeHtml(customer.email)}</p>` : ''
  let plan = '<p>Status: no subscription</p>'
  if (subscription) {
    const live = subscription.status !== 'canceled'
    plan = `<section aria-label="Current plan">${describeSubscription(subscription)}
${live ? actionButton(session.id, 'cancel', 'Cancel plan') : ''}
${live && !subscription.cancel_at_period_end ? actionButton(session.id, 'cancel_at_period_end', 'Cancel at period end') : ''}
${live && subscription.cancel_at_period_end ? actionButton(session.id, 'resume', 'Resume plan') : ''}
</section>`
  }
  const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to Vendorwatch</a></p>` : ''
  return layout(PORTAL_TITLE, `${who}${plan}${back}`)
}

/** What a hosted page shows instead of redirecting when the app refused a webhook: the e2e run should fail here, visibly. */
export function deliveryFailedPage(deliveries: Delivery[]): string {
  const rows = deliveries
    .map((d) => `<tr><td>${escapeHtml(d.event.type)}</td><td>${d.status === 0 ? 'no answer' : d.status}</td><td><pre>${escapeHtml(d.body.slice(0, 2000))}</pre></td></tr>`)
    .join('')
  return layout(
    'Webhook delivery failed (local Stripe stand-in)',
    `<p role="alert">The app did not accept every webhook event with a 2xx answer.</p>
<table><thead><tr><th>Event</th><th>Status</th><th>Body</th></tr></thead><tbody>${rows}</tbody></table>`,
  )
}

export function notFoundPage(what: string): string {
  return layout('Not found (local Stripe stand-in)', `<p>${escapeHtml(what)}</p>`)
}
