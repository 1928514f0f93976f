// Detection on recorded API answers of each platform (lib/ingest/fixtures, lib/catalog/fixtures);
// the page HTML is synthetic (no recorded status page HTML exists, see fixtures/SOURCES.md).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient, DEFAULT_HTTP_OPTIONS, FetchError, type FetchTextResult } from '@/lib/ingest/http'
import { readFixture } from '@/lib/testing/source-tests'
import { startStatusServer, type StatusServer } from '@/lib/testing/status-server'
import { detectPlatform, type DetectionHttp } from './detect-platform'

const local = (file: string) => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')

/** A fake network: these URLs answer 200 with these bodies, every other URL 404; redirects by map. */
function fakeHttp(routes: Record<string, string>, redirects: Record<string, string> = {}): DetectionHttp & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    async fetchText(url): Promise<FetchTextResult> {
      asked.push(url)
      const finalUrl = redirects[url] ?? url
      const body = routes[finalUrl]
      if (body === undefined) return { notModified: false, status: 404, text: 'not found', body: Buffer.from('not found'), bytes: 9, finalUrl }
      return { notModified: false, status: 200, text: body, body: Buffer.from(body), bytes: body.length, finalUrl }
    },
  }
}

const HTML = (head = '', body = '') => `<!doctype html><html><head><title>Acme Status</title>${head}</head><body>${body}</body></html>`

describe('detectPlatform on recorded pages', () => {
  it('Statuspage: the summary shape with a 12-character page id (GitHub, Personio)', async () => {
    const github = await detectPlatform('https://www.githubstatus.com/', fakeHttp({
      'https://www.githubstatus.com/': HTML(),
      'https://www.githubstatus.com/api/v2/summary.json': readFixture('statuspage/github-summary-operational.json'),
    }))
    expect(github).toMatchObject({ ok: true, platform: 'statuspage', apiUrl: 'https://www.githubstatus.com/api/v2/summary.json', statusPageUrl: 'https://www.githubstatus.com', pageName: 'GitHub' })
    expect(github.evidence).toContain('https://www.githubstatus.com/api/v2/summary.json: Statuspage summary, page id kctbh9vrtdwd')

    const personio = await detectPlatform('https://status.personio.de', fakeHttp({
      'https://status.personio.de/': HTML(),
      'https://status.personio.de/api/v2/summary.json': local('personio-summary-berlin-scheduled-maintenance.json'),
    }))
    expect(personio).toMatchObject({ ok: true, platform: 'statuspage', pageName: 'Personio SE & Co. KG' })
  })

  it('incident.io: the same Statuspage-compatible summary, told apart by its ULID ids (OpenAI)', async () => {
    const result = await detectPlatform('https://status.openai.com', fakeHttp({
      'https://status.openai.com/': HTML(),
      'https://status.openai.com/api/v2/summary.json': readFixture('incidentio/openai-summary-statuspage-compat.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'incidentio', apiUrl: 'https://status.openai.com/api/v2/summary.json' })
    expect(result.evidence.at(-1)).toMatch(/ULID ids \(page 01JMDK9XYNY6RXSED6SDWW50WY\)/)
  })

  it('incident.io: its widget API when the page has no summary.json', async () => {
    const result = await detectPlatform('https://status.openai.com', fakeHttp({
      'https://status.openai.com/': HTML(),
      'https://status.openai.com/proxy/status.openai.com': readFixture('incidentio/synthetic-widget-proxy-grouped-outage.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'incidentio', pageName: 'OpenAI' })
  })

  it('incident.io: a Statuspage-shaped summary on a page whose HTML names incident.io (synthetic markup)', async () => {
    const result = await detectPlatform('https://status.acme.example', fakeHttp({
      'https://status.acme.example/': HTML('<link rel="preconnect" href="https://assets.incident.io">'),
      'https://status.acme.example/api/v2/summary.json': readFixture('statuspage/github-summary-operational.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'incidentio' })
  })

  it('Instatus: /summary.json with page status UP (Wistia), and the same shape at /api/v2/summary.json', async () => {
    const wistia = await detectPlatform('https://status.wistia.com', fakeHttp({
      'https://status.wistia.com/': HTML(),
      'https://status.wistia.com/summary.json': readFixture('instatus/wistia-summary-up-doc-sample.json'),
    }))
    expect(wistia).toMatchObject({ ok: true, platform: 'instatus', apiUrl: 'https://status.wistia.com/summary.json', pageName: 'Wistia' })
    const compat = await detectPlatform('https://status.wistia.com', fakeHttp({ 'https://status.wistia.com/api/v2/summary.json': readFixture('instatus/synthetic-summary-incident-and-maintenance.json') }))
    expect(compat).toMatchObject({ ok: true, platform: 'instatus' })
  })

  it('Better Stack: the JSON:API status_page at /index.json', async () => {
    const result = await detectPlatform('https://status.tiny.example', fakeHttp({
      'https://status.tiny.example/': HTML(),
      'https://status.tiny.example/index.json': readFixture('betterstack/synthetic-index-operational.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'betterstack', apiUrl: 'https://status.tiny.example/index.json', pageName: 'Tiny Co' })
  })

  it('status.io: a page id in the page, confirmed by the status.io API (GitLab); an id alone is not enough', async () => {
    const page = HTML('<link rel="alternate" type="application/rss+xml" href="/pages/5b36dc6502d06804c08349f7/rss">')
    const result = await detectPlatform('https://status.gitlab.com', fakeHttp({
      'https://status.gitlab.com/': page,
      'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7': readFixture('statusio/gitlab-status-security-issue.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'statusio', apiUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7' })
    // The same markup whose id the API does not confirm (freshstatus pages carry a look-alike id).
    const unconfirmed = await detectPlatform('https://status.fresh.example', fakeHttp({ 'https://status.fresh.example/': page }))
    expect(unconfirmed).toMatchObject({ ok: false, reason: 'unsupported' })
  })

  it('Cachet: numeric component statuses at /api/v1/components (Yoti)', async () => {
    const result = await detectPlatform('https://status.yoti.com', fakeHttp({
      'https://status.yoti.com/': HTML(),
      'https://status.yoti.com/api/v1/components': readFixture('cachet/yoti-components-docs-sample.json'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'cachet', apiUrl: 'https://status.yoti.com/api/v1/components' })
  })

  it('a feed the page links to, only when it really is Atom or RSS', async () => {
    const page = HTML('<link rel="alternate" type="application/atom+xml" title="History" href="https://status.acme.example/history.atom">')
    const result = await detectPlatform('https://status.acme.example', fakeHttp({
      'https://status.acme.example/': page,
      'https://status.acme.example/history.atom': readFixture('rss-atom/github-history.atom'),
    }))
    expect(result).toMatchObject({ ok: true, platform: 'rss', apiUrl: 'https://status.acme.example/history.atom', pageName: 'Acme' })
    const notFeed = await detectPlatform('https://status.acme.example', fakeHttp({ 'https://status.acme.example/': page, 'https://status.acme.example/history.atom': '<html>nope</html>' }))
    expect(notFeed).toMatchObject({ ok: false, reason: 'unsupported' })
  })

  it('the big vendors by their own hosts, and the page where a redirect lands', async () => {
    expect(await detectPlatform('https://status.cloud.google.com/', fakeHttp({}))).toMatchObject({ ok: true, platform: 'gcp', apiUrl: 'https://status.cloud.google.com/incidents.json' })
    const moved = await detectPlatform('https://status.acme.example', fakeHttp(
      { 'https://acme.statuspage.io/': HTML(), 'https://acme.statuspage.io/api/v2/summary.json': readFixture('statuspage/github-summary-operational.json') },
      { 'https://status.acme.example/': 'https://acme.statuspage.io/' },
    ))
    expect(moved).toMatchObject({ ok: true, platform: 'statuspage', statusPageUrl: 'https://acme.statuspage.io', apiUrl: 'https://acme.statuspage.io/api/v2/summary.json' })
  })

  it('says what it tried when nothing answers as a platform', async () => {
    const result = await detectPlatform('https://example.com/status', fakeHttp({ 'https://example.com/status': HTML() }))
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' })
    expect(result.evidence).toEqual(expect.arrayContaining(['https://example.com/api/v2/summary.json: HTTP 404', 'https://example.com/index.json: HTTP 404']))
  })

  it('refuses what is not an http(s) URL and reports an unreachable host as such', async () => {
    expect(await detectPlatform('ftp://status.acme.example', fakeHttp({}))).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await detectPlatform('status page please', fakeHttp({}))).toMatchObject({ ok: false, reason: 'invalid' })
    const down: DetectionHttp = { fetchText: () => Promise.reject(new FetchError('network', 'https://status.gone.example/', 'status.gone.example: ENOTFOUND')) }
    expect(await detectPlatform('https://status.gone.example', down)).toMatchObject({ ok: false, reason: 'unreachable' })
  })
})

describe('detectPlatform through the real guarded client', () => {
  let server: StatusServer
  beforeAll(async () => {
    server = await startStatusServer()
    server.set('/', { body: HTML(), contentType: 'text/html' })
    server.set('/api/v2/summary.json', { body: readFixture('statuspage/github-summary-operational.json') })
  })
  afterAll(() => server.close())

  it('refuses a private address before anything is fetched from it', async () => {
    const guarded = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: false })
    try {
      for (const url of [server.url, `http://localhost:${server.port}/`, 'http://10.0.0.8/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data']) {
        const result = await detectPlatform(url, guarded)
        expect(result, url).toMatchObject({ ok: false, reason: 'blocked' })
      }
      expect(server.requests).toEqual([])
    } finally {
      guarded.close()
    }
  })

  it('detects the same page when the client may reach the local stand-in (as the tests configure it)', async () => {
    const open = createHttpClient({ ...DEFAULT_HTTP_OPTIONS, allowPrivateNetwork: true })
    try {
      expect(await detectPlatform(server.url, open)).toMatchObject({ ok: true, platform: 'statuspage', apiUrl: `${server.url}/api/v2/summary.json` })
    } finally {
      open.close()
    }
  })
})
