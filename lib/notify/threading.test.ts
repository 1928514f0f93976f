import { describe, expect, it } from 'vitest'
import { threadHeaders } from './threading'

const host = 'vw.example'

describe('email threads across a possible outage and the official incident that follows it', () => {
  it('roots the possible outage thread at its opening email; the subsided follow-up replies to it', () => {
    expect(threadHeaders({ host, deliveryId: 'd1', userId: 'u1', thread: { kind: 'possible-outage', id: 'po1', isFirst: true } })).toEqual({ 'Message-ID': '<possible-outage-po1.u1@vw.example>' })
    expect(threadHeaders({ host, deliveryId: 'd2', userId: 'u1', thread: { kind: 'possible-outage', id: 'po1', isFirst: false } })).toEqual({
      'Message-ID': '<delivery-d2@vw.example>',
      'In-Reply-To': '<possible-outage-po1.u1@vw.example>',
      References: '<possible-outage-po1.u1@vw.example>',
    })
  })

  it("the incident's first email keeps its own root and replies to the warning; later ones reference both", () => {
    const follows = { kind: 'possible-outage' as const, id: 'po1' }
    expect(threadHeaders({ host, deliveryId: 'd3', userId: 'u1', thread: { kind: 'incident', id: 'i1', isFirst: true, follows } })).toEqual({
      'Message-ID': '<incident-i1.u1@vw.example>',
      'In-Reply-To': '<possible-outage-po1.u1@vw.example>',
      References: '<possible-outage-po1.u1@vw.example>',
    })
    expect(threadHeaders({ host, deliveryId: 'd4', userId: 'u1', thread: { kind: 'incident', id: 'i1', isFirst: false, follows } })).toEqual({
      'Message-ID': '<delivery-d4@vw.example>',
      'In-Reply-To': '<incident-i1.u1@vw.example>',
      References: '<possible-outage-po1.u1@vw.example> <incident-i1.u1@vw.example>',
    })
  })

  it('leaves a reader who got no warning exactly as before', () => {
    expect(threadHeaders({ host, deliveryId: 'd5', userId: 'u2', thread: { kind: 'incident', id: 'i1', isFirst: true, follows: null } })).toEqual({ 'Message-ID': '<incident-i1.u2@vw.example>' })
  })
})
