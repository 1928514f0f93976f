import { describe, expect, it } from 'vitest'
import { isMemoryOnlyPage, isStackPage, isUnknownPage } from './page-cache-handler.mjs'

const key = (path: string) => `/route-cache/APP_PAGE/0790c05bf24f/$${path}`

describe('isUnknownPage', () => {
  it('is a page that answered 404 for its own URL', () => {
    expect(isUnknownPage(key('/vendors/no-such-vendor'), { kind: 'APP_PAGE', status: 404 })).toBe(true)
    expect(isUnknownPage(key('/vendors/acme/incidents/no-such-id'), { kind: 'APP_PAGE', status: 404 })).toBe(true)
  })
  it('keeps real pages, route handlers and Next.js’s own not-found page', () => {
    expect(isUnknownPage(key('/vendors/acme'), { kind: 'APP_PAGE', status: 200 })).toBe(false)
    expect(isUnknownPage(key('/vendors/acme'), { kind: 'APP_PAGE' })).toBe(false)
    expect(isUnknownPage(key('/robots.txt'), { kind: 'APP_ROUTE', status: 404 })).toBe(false)
    expect(isUnknownPage(key('/_not-found'), { kind: 'APP_PAGE', status: 404 })).toBe(false)
    expect(isUnknownPage(key('/vendors/x'), null)).toBe(false)
  })
})

describe('isMemoryOnlyPage', () => {
  it('is every cached directory view but the unfiltered first page', () => {
    expect(isMemoryOnlyPage(key('/directory-view/all'))).toBe(false)
    expect(isMemoryOnlyPage(key('/directory-view/q%3Dgithub'))).toBe(true)
    expect(isMemoryOnlyPage(key('/directory-view/q=a/b'))).toBe(true)
    expect(isMemoryOnlyPage(key('/directory-view/category=Developer tools'))).toBe(true)
    expect(isMemoryOnlyPage(key('/vendors/acme'))).toBe(false)
  })
})

describe('isStackPage', () => {
  it('is a public stack page, not its feeds, the private link or a vendor', () => {
    expect(isStackPage(key('/stacks/acme-platform'))).toBe(true)
    expect(isStackPage(key('/stacks/acme-platform/feed.atom'))).toBe(false)
    expect(isStackPage(key('/s/abc'))).toBe(false)
    expect(isStackPage(key('/vendors/stacks'))).toBe(false)
  })
})
