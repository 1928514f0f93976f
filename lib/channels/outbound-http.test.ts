import { describe, expect, it } from 'vitest'
import type { ResolveAll } from '@/lib/ingest/dns'
import { checkDestinationUrl, createOutboundHttp, urlRefusal } from './outbound-http'

const resolvesTo =
  (address: string): ResolveAll =>
  (_host, _options, callback) =>
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }])

describe('destination URL checks', () => {
  it('needs https, no credentials, no local or private literal', () => {
    expect(urlRefusal('http://hooks.example.com/x', false)).toMatch(/https/)
    expect(urlRefusal('https://user:pw@hooks.example.com/x', false)).toMatch(/user name/)
    expect(urlRefusal('https://localhost/x', false)).toMatch(/local name/)
    expect(urlRefusal('https://10.1.2.3/x', false)).toMatch(/not a public address/)
    expect(urlRefusal('https://[::1]/x', false)).toMatch(/not a public address/)
    expect(urlRefusal('not a url', false)).toMatch(/valid URL/)
    expect(urlRefusal('https://hooks.example.com/x', false)).toBeNull()
    expect(urlRefusal('http://127.0.0.1:9/x', true)).toBeNull()
  })

  it('at save time, refuses a name that resolves to a private address', async () => {
    expect(await checkDestinationUrl('https://rebind.example/x', { allowPrivateNetwork: false, resolveAll: resolvesTo('169.254.169.254') })).toMatch(/not a public address/)
    expect(await checkDestinationUrl('https://ok.example/x', { allowPrivateNetwork: false, resolveAll: resolvesTo('93.184.216.34') })).toBeNull()
  })

  it('at send time, the lookup refuses a name that resolves privately (no connection is made)', async () => {
    const http = createOutboundHttp({ allowPrivateNetwork: false, resolveAll: resolvesTo('127.0.0.1') })
    await expect(http({ method: 'POST', url: 'https://sneaky.example/hook', body: '{}' })).rejects.toMatchObject({ name: 'OutboundHttpError', kind: 'blocked' })
  })
})
