import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, parseHash, verifyPassword } from './password'

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'))
  })

  it('still verifies hashes made with older parameters, and asks for a rehash', async () => {
    const old = await hashPassword('legacy password', { ln: 14, r: 8, p: 1 })
    expect(await verifyPassword('legacy password', old)).toBe(true)
    expect(needsRehash(old)).toBe(true)
    expect(needsRehash(await hashPassword('fresh password'))).toBe(false)
  })

  it('treats malformed or hostile stored hashes as a mismatch, never a crash', async () => {
    expect(await verifyPassword('x', 'not a hash')).toBe(false)
    expect(await verifyPassword('x', '$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBe(false)
    expect(parseHash('$argon2id$v=19$m=65536,t=3,p=4$abc$def')).toBeNull()
    expect(needsRehash('garbage')).toBe(true)
  })

  it('normalizes Unicode so the same visible password always matches', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!')
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true)
  })
})
