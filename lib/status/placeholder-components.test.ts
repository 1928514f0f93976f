import { describe, expect, it } from 'vitest'
import { isPlaceholderComponent, realComponents } from './placeholder-components'

describe('isPlaceholderComponent', () => {
  it.each(['Visit www.githubstatus.com for more information', 'visit status.example.com for more information.', '  Visit https://status.x.io for more info '])('%s is a pointer, not a component', (name) => {
    expect(isPlaceholderComponent({ name })).toBe(true)
  })

  it.each(['API', 'Visit tracking', 'Website visits for more information on usage analytics', 'Visitor analytics'])('%s is a real component', (name) => {
    expect(isPlaceholderComponent({ name })).toBe(false)
  })
})

describe('realComponents', () => {
  it('keeps the order and drops only the pointers', () => {
    const list = [{ name: 'Git Operations' }, { name: 'Visit www.githubstatus.com for more information' }, { name: 'API Requests' }]
    expect(realComponents(list).map((c) => c.name)).toEqual(['Git Operations', 'API Requests'])
  })
})
