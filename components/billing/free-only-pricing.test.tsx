// The pricing page of a server without billing offers nothing that cannot be bought (issue 17).
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PLANS } from '@/lib/plans/plans'
import { FreeOnlyPricing } from './free-only-pricing'

const text = (signedIn: boolean) => renderToStaticMarkup(<FreeOnlyPricing signedIn={signedIn} />).replace(/<[^>]+>/g, ' ')

describe('FreeOnlyPricing', () => {
  it('says plainly that the server runs free-only, and offers no Pro plan', () => {
    const page = text(false)
    expect(page).toContain('This server runs free-only')
    expect(page).not.toMatch(/not available here/i)
    expect(page).not.toMatch(/\bPro\b/)
    expect(page).not.toMatch(/upgrade/i)
    expect(page).toContain(`up to ${PLANS.free.watchlistLimit} vendors`)
    expect(page).toContain('Create a free account')
  })

  it('tells a signed-in reader the free plan is theirs', () => {
    expect(text(true)).toContain('Your current plan')
    expect(text(true)).not.toContain('Create a free account')
  })
})
