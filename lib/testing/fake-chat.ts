// Local stand-ins for the chat services, one HTTP server (e2e: E2E_PORT + 7), close enough to the
// real APIs for the production senders to run unchanged against them:
//   /slack/api/<method>            Slack Web API (form or JSON bodies, bearer tokens): oauth.v2.access,
//                                  auth.test, auth.revoke, conversations.list, conversations.history and
//                                  conversations.replies (oldest, cursor, metadata only with
//                                  include_all_metadata), chat.postMessage (message metadata), chat.update
//   /slack/oauth/authorize         Slack's "Allow" page; redirects back with ?code=&state=
//   /discord/api/webhooks/:id/:tk  Discord webhook: POST (?wait=true answers the message), PATCH …/messages/:mid
//   /google-chat/v1/spaces/:s/messages  Google Chat webhook: threads by thread.threadKey
//   /teams/workflows/:id/triggers/manual/paths/invoke  Teams Workflows webhook: 202
// It records every message with its edit history and thread replies, and can be told to revoke a
// Slack token, archive a channel, delete a webhook, answer 429 once, or do a Slack call and lose its
// answer once (the connection drops after the work is done) (POST /__control; GET
// /__state reads everything; POST /__reset forgets it). Tests in-process use the returned object.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SlackVersion {
  text: string
  blocks: unknown[]
}
/** Slack message metadata (chat.postMessage's `metadata`): returned by conversations.history/replies with include_all_metadata. */
export interface SlackMetadata {
  event_type: string
  event_payload: Record<string, unknown>
}
export interface SlackMessage extends SlackVersion {
  ts: string
  channel: string
  token: string
  /** Earlier versions, oldest first: one entry per chat.update. */
  edits: SlackVersion[]
  replies: (SlackVersion & { ts: string; metadata?: SlackMetadata })[]
  metadata?: SlackMetadata
}
export interface WebhookMessage {
  id: string
  hook: string
  body: Record<string, unknown>
  edits: Record<string, unknown>[]
}
export interface GoogleChatThread {
  name: string
  threadKey: string
  hook: string
  messages: Record<string, unknown>[]
}
export interface ChatStandInState {
  slack: { messages: SlackMessage[]; revokedTokens: string[]; archivedChannels: string[]; calls: { method: string; status: number; error?: string }[] }
  discord: { messages: WebhookMessage[]; calls: { method: string; status: number }[] }
  googleChat: { threads: GoogleChatThread[]; calls: { status: number }[] }
  teams: { cards: { hook: string; body: Record<string, unknown> }[]; calls: { status: number }[] }
}

export type ChatControl =
  | { action: 'revoke-slack-token'; token?: string }
  | { action: 'archive-slack-channel'; channel: string }
  /** `method`: Slack only, the one Web API method that fails (default: the next call, whatever it is). */
  | { action: 'rate-limit-once'; service: 'slack' | 'discord' | 'google_chat' | 'teams'; retryAfterSeconds: number; method?: string }
  /** `error`: Slack only, the error word of the answer (default: internal_error, or ratelimited for 429). */
  | { action: 'fail-once'; service: 'slack' | 'discord' | 'google_chat' | 'teams'; status: number; method?: string; error?: string }
  | { action: 'delete-webhook'; hook: string }
  /** Slack: do the next call of `method` (its message is posted), then drop the connection without answering. */
  | { action: 'lose-answer-once'; service: 'slack'; method: string }

export interface FakeChat {
  url: string
  port: number
  slackApiUrl: string
  slackAuthorizeUrl: string
  state: ChatStandInState
  control(command: ChatControl): void
  /** A bot token as oauth.v2.access would grant it (tests that skip the OAuth dance). */
  issueSlackToken(): string
  /** Webhook URLs of the stand-in, shaped like each service's own. */
  discordWebhookUrl(id?: string): string
  googleChatWebhookUrl(space?: string): string
  teamsWebhookUrl(id?: string): string
  reset(): void
  close(): Promise<void>
}

export interface FakeChatOptions {
  port?: number
  clientId?: string
  clientSecret?: string
  /** Answer after this many ms (benchmarks). */
  latencyMs?: number
  /** Slack's clock, for the ts of new messages (tests pass their own; default the wall clock). */
  now?: () => Date
}

export const SLACK_TEAM = { id: 'T0VENDORW', name: 'Acme Ops' }
export const SLACK_CHANNELS = [
  { id: 'C0OPS00001', name: 'ops', is_private: false, is_archived: false, is_member: true },
  { id: 'C0INC00002', name: 'vendor-incidents', is_private: false, is_archived: false, is_member: false },
  { id: 'G0SEC00003', name: 'sre-private', is_private: true, is_archived: false, is_member: true },
]

function emptyState(): ChatStandInState {
  return {
    slack: { messages: [], revokedTokens: [], archivedChannels: [], calls: [] },
    discord: { messages: [], calls: [] },
    googleChat: { threads: [], calls: [] },
    teams: { cards: [], calls: [] },
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {}
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>
    } catch {
      return {}
    }
  }
  const form: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) form[key] = value
  return form
}

/** Slack's client sends arrays (blocks) JSON-encoded inside form fields. */
function blocksOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value)
      return Array.isArray(parsed) ? parsed : []
    } catch {
      return []
    }
  }
  return []
}

/** chat.postMessage's `metadata` (JSON-encoded inside a form field by the client), when well formed. */
function metadataOf(value: unknown): SlackMetadata | undefined {
  let parsed: unknown = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  const record = parsed as Partial<SlackMetadata> | null
  return record && typeof record.event_type === 'string' && record.event_payload && typeof record.event_payload === 'object' ? { event_type: record.event_type, event_payload: record.event_payload } : undefined
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export async function startFakeChat(options: FakeChatOptions = {}): Promise<FakeChat> {
  const clientId = options.clientId ?? 'slack-client-id'
  const clientSecret = options.clientSecret ?? 'slack-client-secret'
  let state = emptyState()
  const codes = new Map<string, { redirectUri: string }>()
  const tokens = new Set<string>()
  const deletedHooks = new Set<string>()
  const onceFailures: { service: string; status: number; retryAfterSeconds?: number; method?: string; error?: string }[] = []
  const lostAnswers: string[] = []
  const now = options.now ?? (() => new Date())
  let tsCounter = 0
  let idCounter = 0
  // Slack's ts: seconds since the epoch and a sequence in the microseconds, so `oldest` compares as on Slack.
  const nextTs = () => `${Math.floor(now().getTime() / 1000)}.${String(++tsCounter).padStart(6, '0')}`

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body))

  const takeFailure = (service: string, method?: string) => {
    const index = onceFailures.findIndex((f) => f.service === service && (!f.method || f.method === method))
    return index === -1 ? undefined : onceFailures.splice(index, 1)[0]
  }

  function control(command: ChatControl) {
    if (command.action === 'revoke-slack-token') {
      const revoked = command.token ? [command.token] : [...tokens]
      state.slack.revokedTokens.push(...revoked)
    } else if (command.action === 'archive-slack-channel') state.slack.archivedChannels.push(command.channel)
    else if (command.action === 'rate-limit-once') onceFailures.push({ service: command.service, status: 429, retryAfterSeconds: command.retryAfterSeconds, method: command.method })
    else if (command.action === 'fail-once') onceFailures.push({ service: command.service, status: command.status, method: command.method, error: command.error })
    else if (command.action === 'lose-answer-once') lostAnswers.push(command.method)
    else deletedHooks.add(command.hook)
  }

  function slackApi(method: string, body: Record<string, unknown>, authorization: string | undefined, res: http.ServerResponse) {
    const lost = lostAnswers.indexOf(method)
    const answer = (result: Record<string, unknown>) => {
      state.slack.calls.push({ method, status: 200, ...(result.ok === false && { error: String(result.error) }) })
      // The work is done; the answer never arrives (a reset connection, as after a timeout or a crash).
      if (lost !== -1) return (lostAnswers.splice(lost, 1), res.socket?.destroy())
      json(res, 200, result)
    }
    const failure = takeFailure('slack', method)
    if (failure) {
      state.slack.calls.push({ method, status: failure.status, ...(failure.error && { error: failure.error }) })
      return json(res, failure.status, { ok: false, error: failure.error ?? (failure.status === 429 ? 'ratelimited' : 'internal_error') }, failure.retryAfterSeconds ? { 'retry-after': String(failure.retryAfterSeconds) } : {})
    }
    if (method === 'oauth.v2.access') {
      const basic = authorization?.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':') : []
      const id = (body.client_id as string | undefined) ?? basic[0]
      const secret = (body.client_secret as string | undefined) ?? basic[1]
      if (id !== clientId || secret !== clientSecret) return answer({ ok: false, error: 'invalid_client_id' })
      const grant = codes.get(String(body.code))
      if (!grant) return answer({ ok: false, error: 'invalid_code' })
      codes.delete(String(body.code))
      if (body.redirect_uri && body.redirect_uri !== grant.redirectUri) return answer({ ok: false, error: 'bad_redirect_uri' })
      const token = `xoxb-fake-${randomBytes(12).toString('hex')}`
      tokens.add(token)
      return answer({ ok: true, access_token: token, token_type: 'bot', scope: 'chat:write,chat:write.public,channels:read,groups:read,channels:history,groups:history', bot_user_id: 'U0VWBOT', app_id: 'A0VENDORW', team: SLACK_TEAM, enterprise: null, is_enterprise_install: false })
    }
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : (body.token as string | undefined)
    if (!token) return answer({ ok: false, error: 'not_authed' })
    if (state.slack.revokedTokens.includes(token)) return answer({ ok: false, error: 'token_revoked' })
    if (!tokens.has(token)) return answer({ ok: false, error: 'invalid_auth' })
    if (method === 'auth.test') return answer({ ok: true, team: SLACK_TEAM.name, team_id: SLACK_TEAM.id, user_id: 'U0VWBOT', bot_id: 'B0VWBOT' })
    if (method === 'auth.revoke') {
      state.slack.revokedTokens.push(token)
      return answer({ ok: true, revoked: true })
    }
    if (method === 'conversations.list') {
      const types = String(body.types ?? 'public_channel').split(',')
      const channels = SLACK_CHANNELS.filter((c) => (c.is_private ? types.includes('private_channel') : types.includes('public_channel')))
        .map((c) => ({ ...c, is_archived: state.slack.archivedChannels.includes(c.id) }))
        .filter((c) => !(body.exclude_archived === 'true' || body.exclude_archived === true) || !c.is_archived)
      return answer({ ok: true, channels, response_metadata: { next_cursor: '' } })
    }
    const channel = String(body.channel ?? '')
    const known = SLACK_CHANNELS.find((c) => c.id === channel)
    if (method === 'conversations.history' || method === 'conversations.replies') {
      if (!known) return answer({ ok: false, error: 'channel_not_found' })
      if (known.is_private && !known.is_member) return answer({ ok: false, error: 'not_in_channel' })
      const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true'
      const oldest = Number(body.oldest ?? 0)
      let messages: { ts: string; text: string; metadata?: SlackMetadata }[]
      if (method === 'conversations.replies') {
        const parent = state.slack.messages.find((m) => m.ts === body.ts && m.channel === channel)
        if (!parent) return answer({ ok: false, error: 'thread_not_found' })
        messages = [parent, ...parent.replies] // Slack lists the parent first, then the replies, oldest first
      } else {
        messages = state.slack.messages.filter((m) => m.channel === channel).reverse() // newest first
      }
      const listed = messages.filter((m) => Number(m.ts) > oldest)
      const limit = Math.min(Number(body.limit ?? 100) || 100, 1000)
      const start = Number(body.cursor ?? 0) || 0
      const page = listed.slice(start, start + limit).map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMetadata && m.metadata && { metadata: m.metadata }) }))
      const next = start + limit < listed.length ? String(start + limit) : ''
      return answer({ ok: true, messages: page, has_more: next !== '', response_metadata: { next_cursor: next } })
    }
    if (method === 'chat.postMessage' || method === 'chat.update') {
      if (!known) return answer({ ok: false, error: 'channel_not_found' })
      if (state.slack.archivedChannels.includes(channel)) return answer({ ok: false, error: 'is_archived' })
      if (known.is_private && !known.is_member) return answer({ ok: false, error: 'not_in_channel' })
      const version = { text: String(body.text ?? ''), blocks: blocksOf(body.blocks) }
      const metadata = metadataOf(body.metadata)
      if (method === 'chat.update') {
        const message = state.slack.messages.find((m) => m.ts === body.ts && m.channel === channel)
        if (!message) return answer({ ok: false, error: 'message_not_found' })
        message.edits.push({ text: message.text, blocks: message.blocks })
        Object.assign(message, version)
        return answer({ ok: true, channel, ts: message.ts, text: message.text })
      }
      const ts = nextTs()
      if (body.thread_ts) {
        const parent = state.slack.messages.find((m) => m.ts === body.thread_ts && m.channel === channel)
        if (!parent) return answer({ ok: false, error: 'thread_not_found' })
        parent.replies.push({ ...version, ts, ...(metadata && { metadata }) })
      } else {
        state.slack.messages.push({ ...version, ts, channel, token, edits: [], replies: [], ...(metadata && { metadata }) })
      }
      return answer({ ok: true, channel, ts, message: { ts, text: version.text } })
    }
    return answer({ ok: false, error: 'unknown_method' })
  }

  function authorizePage(query: URLSearchParams, res: http.ServerResponse) {
    const redirectUri = query.get('redirect_uri') ?? ''
    const stateParam = query.get('state') ?? ''
    if (query.get('client_id') !== clientId || !/^https?:\/\//.test(redirectUri)) return res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_client_id or redirect_uri')
    const code = `code-${randomBytes(8).toString('hex')}`
    codes.set(code, { redirectUri })
    const allow = new URL(redirectUri)
    allow.searchParams.set('code', code)
    allow.searchParams.set('state', stateParam)
    const deny = new URL(redirectUri)
    deny.searchParams.set('error', 'access_denied')
    deny.searchParams.set('state', stateParam)
    const scopes = (query.get('scope') ?? '').split(',').filter(Boolean)
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Slack (stand-in): authorize</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1d1c1d}@media(prefers-color-scheme:dark){body{background:#1a1d21;color:#d1d2d3}}a.b{display:inline-block;padding:.6rem 1.2rem;border-radius:6px;text-decoration:none;margin-right:.5rem}.allow{background:#007a5a;color:#fff}.cancel{border:1px solid #888;color:inherit}</style></head>
<body><p>Slack stand-in (tests only)</p><h1>Vendorwatch is requesting permission to access the ${escapeHtml(SLACK_TEAM.name)} workspace</h1>
<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>
<p><a class="b allow" href="${escapeHtml(allow.toString())}">Allow</a><a class="b cancel" href="${escapeHtml(deny.toString())}">Cancel</a></p></body></html>`)
  }

  function discord(req: http.IncomingMessage, path: string, query: URLSearchParams, body: Record<string, unknown>, res: http.ServerResponse) {
    const match = /^\/discord\/api\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)(?:\/messages\/([^/]+))?$/.exec(path)
    if (!match) return json(res, 404, { message: '404: Not Found', code: 0 })
    const hook = `${match[1]}/${match[2]}`
    const record = (status: number) => state.discord.calls.push({ method: req.method ?? '', status })
    const failure = takeFailure('discord')
    if (failure?.status === 429) return (record(429), json(res, 429, { message: 'You are being rate limited.', retry_after: failure.retryAfterSeconds ?? 1, global: false }, { 'retry-after': String(Math.ceil(failure.retryAfterSeconds ?? 1)) }))
    if (failure) return (record(failure.status), json(res, failure.status, { message: 'injected failure', code: 0 }))
    if (deletedHooks.has(hook)) return (record(404), json(res, 404, { message: 'Unknown Webhook', code: 10015 }))
    if (!Array.isArray(body.embeds) && typeof body.content !== 'string') return (record(400), json(res, 400, { message: 'Cannot send an empty message', code: 50006 }))
    if (req.method === 'POST' && !match[3]) {
      const message: WebhookMessage = { id: String(1_100_000_000_000_000_000n + BigInt(++idCounter)), hook, body, edits: [] }
      state.discord.messages.push(message)
      record(query.get('wait') === 'true' ? 200 : 204)
      if (query.get('wait') !== 'true') return res.writeHead(204).end()
      return json(res, 200, { id: message.id, type: 0, channel_id: '1000', webhook_id: match[1], ...body })
    }
    if (req.method === 'PATCH' && match[3]) {
      const message = state.discord.messages.find((m) => m.id === match[3] && m.hook === hook)
      if (!message) return (record(404), json(res, 404, { message: 'Unknown Message', code: 10008 }))
      message.edits.push(message.body)
      message.body = body
      record(200)
      return json(res, 200, { id: message.id, ...body })
    }
    return (record(405), json(res, 405, { message: '405: Method Not Allowed', code: 0 }))
  }

  function googleChat(path: string, query: URLSearchParams, body: Record<string, unknown>, res: http.ServerResponse) {
    const match = /^\/google-chat\/v1\/spaces\/([A-Za-z0-9_-]+)\/messages$/.exec(path)
    const failure = takeFailure('google_chat')
    const record = (status: number) => state.googleChat.calls.push({ status })
    if (failure) return (record(failure.status), json(res, failure.status, { error: { code: failure.status, message: failure.status === 429 ? 'Resource has been exhausted' : 'injected failure', status: failure.status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL' } }, failure.retryAfterSeconds ? { 'retry-after': String(failure.retryAfterSeconds) } : {}))
    if (!match || !query.get('key') || !query.get('token')) return (record(404), json(res, 404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } }))
    const hook = match[1] ?? ''
    if (deletedHooks.has(hook)) return (record(404), json(res, 404, { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } }))
    const threadKey = (body.thread as { threadKey?: string } | undefined)?.threadKey
    const replyOption = query.get('messageReplyOption')
    const reuse = threadKey && replyOption?.startsWith('REPLY_MESSAGE') ? state.googleChat.threads.find((t) => t.hook === hook && t.threadKey === threadKey) : undefined
    const thread = reuse ?? { name: `spaces/${hook}/threads/${randomBytes(6).toString('hex')}`, threadKey: threadKey ?? '', hook, messages: [] }
    if (!reuse) state.googleChat.threads.push(thread)
    thread.messages.push(body)
    record(200)
    return json(res, 200, { name: `spaces/${hook}/messages/${randomBytes(6).toString('hex')}`, text: body.text, thread: { name: thread.name, threadKey: thread.threadKey }, space: { name: `spaces/${hook}` } })
  }

  function teams(path: string, query: URLSearchParams, body: Record<string, unknown>, res: http.ServerResponse) {
    const match = /^\/teams\/workflows\/([A-Za-z0-9]+)\/triggers\/manual\/paths\/invoke$/.exec(path)
    const failure = takeFailure('teams')
    const record = (status: number) => state.teams.calls.push({ status })
    if (failure) return (record(failure.status), json(res, failure.status, { error: { code: failure.status === 429 ? 'TooManyRequests' : 'InternalError', message: 'injected failure' } }, failure.retryAfterSeconds ? { 'retry-after': String(failure.retryAfterSeconds) } : {}))
    if (!match || deletedHooks.has(match[1] ?? '')) return (record(404), json(res, 404, { error: { code: 'WorkflowNotFound', message: 'The workflow could not be found.' } }))
    if (!query.get('sig')) return (record(401), json(res, 401, { error: { code: 'DirectApiAuthorizationRequired', message: 'sig is missing' } }))
    const attachments = body.attachments as { contentType?: string }[] | undefined
    if (body.type !== 'message' || !Array.isArray(attachments) || attachments[0]?.contentType !== 'application/vnd.microsoft.card.adaptive') {
      return (record(400), json(res, 400, { error: { code: 'InvalidRequestContent', message: 'expected a message with an Adaptive Card attachment' } }))
    }
    state.teams.cards.push({ hook: match[1] ?? '', body })
    record(202)
    return res.writeHead(202).end()
  }

  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      const path = url.pathname
      const body = parseBody(raw, req.headers['content-type'])
      const handle = () => {
        if (req.method === 'GET' && path === '/__state') return json(res, 200, state)
        if (req.method === 'POST' && path === '/__reset') return (reset(), json(res, 200, {}))
        if (req.method === 'POST' && path === '/__control') return (control(body as unknown as ChatControl), json(res, 200, {}))
        if (path.startsWith('/slack/api/') && req.method === 'POST') return slackApi(path.slice('/slack/api/'.length), body, req.headers.authorization, res)
        if (path === '/slack/oauth/authorize' && req.method === 'GET') return authorizePage(url.searchParams, res)
        if (path.startsWith('/discord/')) return discord(req, path, url.searchParams, body, res)
        if (path.startsWith('/google-chat/') && req.method === 'POST') return googleChat(path, url.searchParams, body, res)
        if (path.startsWith('/teams/') && req.method === 'POST') return teams(path, url.searchParams, body, res)
        return json(res, 404, { error: 'not found' })
      }
      if (options.latencyMs && !path.startsWith('/__')) setTimeout(handle, options.latencyMs)
      else handle()
    })
  })
  function reset() {
    state = emptyState()
    onceFailures.length = 0
    lostAnswers.length = 0
    deletedHooks.clear()
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  return {
    url: base,
    port,
    slackApiUrl: `${base}/slack/api/`,
    slackAuthorizeUrl: `${base}/slack/oauth/authorize`,
    get state() {
      return state
    },
    control,
    issueSlackToken: () => {
      const token = `xoxb-fake-${randomBytes(12).toString('hex')}`
      tokens.add(token)
      return token
    },
    discordWebhookUrl: (id = '112233445566778899') => `${base}/discord/api/webhooks/${id}/fake-discord-token_abcdefghijklmnop`,
    googleChatWebhookUrl: (space = 'AAAAfakespace') => `${base}/google-chat/v1/spaces/${space}/messages?key=fake-key&token=fake-token`,
    teamsWebhookUrl: (id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90') => `${base}/teams/workflows/${id}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=fake-sig`,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
