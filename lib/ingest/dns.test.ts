import type { LookupAddress } from 'node:dns'
import { describe, expect, it } from 'vitest'
import { createOpenLookup, type ResolveAll } from './dns'

const answers: LookupAddress[] = [
  { address: '93.184.216.34', family: 4 },
  { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
]

function lookupWith(resolveAll: ResolveAll) {
  const lookup = createOpenLookup(resolveAll)
  return {
    all: (host: string, family?: 4 | 6) =>
      new Promise<LookupAddress[]>((resolve, reject) =>
        lookup(host, { all: true, ...(family && { family }) }, (err, addresses) => (err ? reject(err) : resolve(addresses as LookupAddress[]))),
      ),
    one: (host: string) =>
      new Promise<[string, number | undefined]>((resolve, reject) =>
        lookup(host, {}, (err, address, family) => (err ? reject(err) : resolve([address as string, family]))),
      ),
  }
}

describe('createOpenLookup (private networks allowed)', () => {
  it('answers localhost names with loopback and never asks DNS for them', async () => {
    const asked: string[] = []
    const lookup = lookupWith((host, _options, callback) => {
      asked.push(host)
      callback(null, answers)
    })
    await expect(lookup.all('localhost')).resolves.toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ])
    await expect(lookup.one('status.LOCALHOST.')).resolves.toEqual(['127.0.0.1', 4])
    await expect(lookup.all('localhost', 6)).resolves.toEqual([{ address: '::1', family: 6 }])
    expect(asked).toEqual([])
  })

  it('resolves other names with the resolver it was given, in both callback forms', async () => {
    const lookup = lookupWith((_host, _options, callback) => callback(null, answers))
    await expect(lookup.all('status.example.com')).resolves.toEqual(answers)
    await expect(lookup.all('status.example.com', 4)).resolves.toEqual([answers[0]])
    await expect(lookup.one('status.example.com')).resolves.toEqual(['93.184.216.34', 4])
  })

  it('passes a resolver failure on', async () => {
    const notFound = Object.assign(new Error('queryA ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' })
    const lookup = lookupWith((_host, _options, callback) => callback(notFound, []))
    await expect(lookup.all('nowhere.example')).rejects.toMatchObject({ code: 'ENOTFOUND' })
    await expect(lookup.one('nowhere.example')).rejects.toMatchObject({ code: 'ENOTFOUND' })
  })
})
