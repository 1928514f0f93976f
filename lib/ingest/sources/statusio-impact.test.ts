// A status.io incident weighs what a component at the same status code weighs: the page's open
// incidents raise the overall status (lib/status/open-incidents.ts), so an impact one step milder
// than its code would read a "Partial Service Disruption" incident as mere degradation.
import { describe, expect, it } from 'vitest'
import { OPEN_IMPACT_STATUS } from '@/lib/status/open-incidents'
import { STATUSIO_IMPACT, STATUSIO_STATUS } from './statusio-snapshot'

describe('status.io incident impacts', () => {
  it.each(['300', '400', '500', '600'])('an incident at %s implies the status a component at that code has', (code) => {
    const impact = STATUSIO_IMPACT[code]
    expect(impact && OPEN_IMPACT_STATUS[impact]).toBe(STATUSIO_STATUS[code])
  })

  it('operational and planned-maintenance messages imply no outage', () => {
    expect(STATUSIO_IMPACT['100']).toBe('none')
    expect(STATUSIO_IMPACT['200']).toBe('none')
  })
})
