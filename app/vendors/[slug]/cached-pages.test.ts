import { describe, expect, it } from 'vitest'
import { changedVendorPages, changedVendorTags } from './cached-pages'

describe('changedVendorPages', () => {
  it('maps a changed vendor to its page and the pages of the incidents it wrote', () => {
    expect(
      changedVendorPages([
        { vendorId: 'v1', vendorSlug: 'github', incidentIds: ['i1', 'i2'] },
        { vendorId: 'v2', vendorSlug: 'stripe', incidentIds: [] },
      ]),
    ).toEqual(['/vendors/github', '/vendors/github/incidents/i1', '/vendors/github/incidents/i2', '/vendors/stripe'])
  })
})

describe('changedVendorTags', () => {
  it("names each changed vendor's data-cache tag once", () => {
    expect(
      changedVendorTags([
        { vendorId: 'v1', vendorSlug: 'github', incidentIds: ['i1'] },
        { vendorId: 'v1', vendorSlug: 'github', incidentIds: ['i2'] },
        { vendorId: 'v2', vendorSlug: 'stripe', incidentIds: [] },
      ]),
    ).toEqual(['vendor:github', 'vendor:stripe'])
  })
})
