// Webhook URLs are checked per kind at save time; the tests' stand-in base URL only when configured.
import { describe, expect, it } from 'vitest'
import { chatWebhookSettingsSchema, chatWebhookUrlProblem, maskChatWebhookUrl } from './kinds'

describe('chat webhook URLs', () => {
  it('accepts each service\'s own shape', () => {
    expect(chatWebhookUrlProblem('discord', 'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abc')).toBeNull()
    expect(chatWebhookUrlProblem('discord', 'https://discordapp.com/api/v10/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz')).toBeNull()
    expect(chatWebhookUrlProblem('google_chat', 'https://chat.googleapis.com/v1/spaces/AAAAbcd123/messages?key=AIzaSy&token=abc%3D')).toBeNull()
    expect(chatWebhookUrlProblem('teams', 'https://prod-12.westus.logic.azure.com:443/workflows/a1b2c3d4e5f60718293a4b5c6d7e8f90/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=abc')).toBeNull()
    expect(chatWebhookUrlProblem('teams', 'https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/a1b2c3d4/triggers/manual/paths/invoke?api-version=1&sig=abc')).toBeNull()
  })

  it('refuses other services, plain http, credentials and retired Office 365 connectors', () => {
    expect(chatWebhookUrlProblem('discord', 'https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t')).toMatch(/Discord webhook URL/)
    expect(chatWebhookUrlProblem('discord', 'http://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz')).toMatch(/https/)
    expect(chatWebhookUrlProblem('google_chat', 'https://chat.googleapis.com/v1/spaces/A/messages')).toMatch(/Google Chat/)
    expect(chatWebhookUrlProblem('teams', 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/1/2')).toMatch(/retired/)
    expect(chatWebhookUrlProblem('teams', 'https://prod-12.westus.logic.azure.com/workflows/a1b2/triggers/manual/paths/invoke')).toMatch(/sig=/)
    expect(chatWebhookUrlProblem('discord', 'https://user:pw@discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz')).toMatch(/user name/)
    expect(chatWebhookUrlProblem('discord', 'not a url')).toMatch(/full webhook URL/)
  })

  it('accepts the stand-in base URL only when it is configured', () => {
    const standIn = 'http://127.0.0.1:3447/discord/api/webhooks/1/t'
    expect(chatWebhookUrlProblem('discord', standIn)).not.toBeNull()
    expect(chatWebhookUrlProblem('discord', standIn, { testBaseUrl: 'http://127.0.0.1:3447/' })).toBeNull()
  })

  it('parses a form with the problem as the field error', () => {
    const result = chatWebhookSettingsSchema('google_chat').safeParse({ webhookUrl: 'https://example.com/hook' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Google Chat webhook URL/)
    expect(chatWebhookSettingsSchema('google_chat').parse({ webhookUrl: '  https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t ' }).webhookUrl).toBe('https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t')
  })

  it('masks the secret part', () => {
    const masked = maskChatWebhookUrl('https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz')
    expect(masked).toBe('discord.com/api/webhooks/…WxYz')
    expect(masked).not.toContain('AbCdEf')
  })
})
