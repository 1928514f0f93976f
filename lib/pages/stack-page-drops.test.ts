import { describe, expect, it } from 'vitest'
import { stackPagePaths } from './stack-page-drops'

describe('stackPagePaths', () => {
  it('is the page of each public name a change touched: a rename drops the old name and the new', () => {
    expect(stackPagePaths(['old-name', 'new-name'])).toEqual(['/stacks/old-name', '/stacks/new-name'])
  })
  it('leaves out a stack that was not public and names given twice', () => {
    expect(stackPagePaths([null])).toEqual([])
    expect(stackPagePaths([null, 'acme'])).toEqual(['/stacks/acme'])
    expect(stackPagePaths(['acme', 'acme'])).toEqual(['/stacks/acme'])
  })
})
