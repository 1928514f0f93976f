import { describe, expect, it } from 'vitest'
import { DIRECTORY_VIEW_PREFIX, directoryViewPath, readDirectoryView } from './directory-view-path'

const viewOf = (search: string) => directoryViewPath(new URLSearchParams(search))
const segment = (search: string) => viewOf(search).slice(DIRECTORY_VIEW_PREFIX.length)
const roundTrip = (search: string) => readDirectoryView(segment(search))

describe('directoryViewPath', () => {
  it('gives one path per view the directory can show, whatever else the URL carries', () => {
    expect(viewOf('')).toBe('/directory-view/all')
    expect(viewOf('utm_source=x&q=')).toBe('/directory-view/all')
    expect(viewOf('category=Developer%20tools&q=%20github%20%20actions ')).toBe(viewOf('q=github+actions&category=Developer+tools'))
    expect(viewOf('q=git&cursor=gitlab')).not.toBe(viewOf('q=git'))
  })

  it('hands the page back exactly the words searched, characters that mean something in a URL included', () => {
    expect(roundTrip('')).toEqual({})
    expect(roundTrip('q=s3%20us-east-1&category=Cloud%20%26%20hosting')).toEqual({ q: 's3 us-east-1', category: 'Cloud & hosting' })
    expect(roundTrip(`q=${encodeURIComponent('a&b=c %25 + / ? # “gihub”')}&cursor=acme-2`)).toEqual({ q: 'a&b=c %25 + / ? # “gihub”', cursor: 'acme-2' })
    // One path segment of characters that mean nothing in a URL: decoded or not, it reads the same.
    expect(segment('q=a/b%25c?d')).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(readDirectoryView(decodeURIComponent(segment('q=a/b%25c?d')))).toEqual({ q: 'a/b%c?d' })
    expect(readDirectoryView('q%3Dgithub')).toEqual({})
  })
})
