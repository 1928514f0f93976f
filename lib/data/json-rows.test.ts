import { describe, expect, it } from 'vitest'
import { jsonRows } from './json-rows'

describe('jsonRows', () => {
  it('is one jsonb parameter, a lone surrogate half turned into U+FFFD and whole emoji kept', () => {
    const sql = jsonRows([{ a: 'cut \ud83d', b: 'whole 🚨', n: 1, z: null, o: { k: '\udea8' } }])
    expect(sql.values).toEqual(['[{"a":"cut \ufffd","b":"whole 🚨","n":1,"z":null,"o":{"k":"\ufffd"}}]'])
    expect(sql.sql).toBe('?::jsonb')
  })
})
