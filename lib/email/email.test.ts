import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogTransport, readLoggedEmails } from './log-transport'
import { passwordResetMessage, verifyEmailMessage } from './messages'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vw-mail-'))
  dirs.push(dir)
  return dir
}

describe('the log transport', () => {
  it('writes each message as a JSON file, readable back in order', async () => {
    const dir = tempDir()
    const transport = createLogTransport(path.join(dir, 'nested'))
    const first = await transport.send({ from: 'a@x.test', ...(await verifyEmailMessage('ann@example.com', 'http://localhost/verify?token=abc')) })
    await transport.send({ from: 'a@x.test', ...(await passwordResetMessage('bob@example.com', 'http://localhost/reset-password?token=def')) })
    const mails = readLoggedEmails(path.join(dir, 'nested'))
    expect(mails.map((m) => m.to)).toEqual(['ann@example.com', 'bob@example.com'])
    expect(mails[0]).toMatchObject({ id: first.id, from: 'a@x.test', subject: 'Confirm your email for Vendorwatch' })
    expect(mails[0]?.text).toContain('http://localhost/verify?token=abc')
  })

  it('honours a batch idempotency key: the same key writes nothing the second time', async () => {
    const dir = tempDir()
    const transport = createLogTransport(dir)
    const message = { from: 'a@x.test', to: 'c@example.com', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' }
    const once = await transport.sendBatch([message, { ...message, to: 'd@example.com' }], 'batch-1')
    const again = await transport.sendBatch([message], 'batch-1')
    expect(again).toEqual(once)
    expect(readLoggedEmails(dir)).toHaveLength(2)
  })

  it('reads an empty list from a folder that does not exist yet', () => {
    expect(readLoggedEmails(path.join(os.tmpdir(), 'vw-no-such-folder'))).toEqual([])
  })
})

describe('account messages', () => {
  it('escape what they put into HTML and keep the link in the text part', async () => {
    const m = await verifyEmailMessage('x@example.com', 'http://localhost/verify?token=a&b="<x>"')
    expect(m.html).not.toContain('"<x>"')
    expect(m.html).toContain('token=a&amp;b=&quot;&lt;x&gt;&quot;')
    expect(m.text).toContain('token=a&b="<x>"')
    expect(m.subject).toBe('Confirm your email for Vendorwatch')
  })
})
