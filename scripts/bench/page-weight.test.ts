import { describe, expect, it } from 'vitest'
import { flightText, pageWeight } from './page-weight'

const flight = (s: string) => `<script>self.__next_f.push(${JSON.stringify([1, s])})</script>`

const timelineTree = '["$","section",null,{"aria-labelledby":"timeline-heading","children":["$","ol",null,{"children":"]["}]}]'
const html = [
  '<!DOCTYPE html><html><head><title>x</title><script src="/a.js" async=""></script></head><body>',
  '<main><p>answer</p>',
  '<section aria-labelledby="timeline-heading"><ol><li>1</li></ol><section><p>inner</p></section></section>',
  '<section aria-labelledby="components-heading"><ul><li>c</li></ul></section>',
  '</main><script>self.__next_f=self.__next_f||[]</script>',
  flight(`0:["$","main",null,{"children":[${timelineTree.slice(0, 40)}`),
  flight(`${timelineTree.slice(40)}]}]\n`),
  '</body></html>',
].join('')

describe('pageWeight', () => {
  const w = pageWeight(html)

  it('splits the HTML into parts that add up to the whole page', () => {
    expect(w.parts.reduce((n, p) => n + p.bytes, 0)).toBe(w.bytes)
    expect(w.bytes).toBe(Buffer.byteLength(html))
  })

  it('measures each top-level section with its nested sections, named by its heading', () => {
    const timeline = w.parts.find((p) => p.name === 'markup: timeline')
    expect(timeline?.bytes).toBe('<section aria-labelledby="timeline-heading"><ol><li>1</li></ol><section><p>inner</p></section></section>'.length)
    expect(w.parts.find((p) => p.name === 'markup: components')?.bytes).toBe('<section aria-labelledby="components-heading"><ul><li>c</li></ul></section>'.length)
  })

  it('keeps the flight scripts apart from the other scripts and the head', () => {
    expect(w.parts.find((p) => p.name === 'flight scripts (RSC payload)')?.bytes).toBe(flight(`0:["$","main",null,{"children":[${timelineTree.slice(0, 40)}`).length + flight(`${timelineTree.slice(40)}]}]\n`).length)
    expect(w.parts.find((p) => p.name === 'other scripts')?.bytes).toBe('<script>self.__next_f=self.__next_f||[]</script>'.length)
    expect(w.parts.find((p) => p.name === 'head')?.bytes).toBe('<!DOCTYPE html><html><head><title>x</title><script src="/a.js" async=""></script></head>'.length)
  })

  it('decodes the flight chunks across scripts and finds a section tree in them, brackets inside strings included', () => {
    expect(flightText(html)).toBe(`0:["$","main",null,{"children":[${timelineTree}]}]\n`)
    expect(w.flight.find((p) => p.name === 'timeline')?.bytes).toBe(timelineTree.length)
    expect(w.flight.reduce((n, p) => n + p.bytes, 0)).toBe(Buffer.byteLength(flightText(html)))
  })

  it('counts the rows a section references (outlined children, long texts) as the section\'s, once', () => {
    const rows = [
      '0:["$","main",null,{"children":[["$","section",null,{"aria-labelledby":"components-heading","children":["$L1","$L1","$2"]}],"$3"]}]\n',
      '1:["$","li",null,{"children":"$4"}]\n',
      `2:T${Buffer.byteLength('a\nb').toString(16)},a\nb`,
      '3:["$","p",null,{"children":"not in a section"}]\n',
      '4:["$","span",null,{}]\n',
    ]
    const page = `<html><head></head><body>${flight(rows.join(''))}</body></html>`
    const parts = pageWeight(page).flight
    const section = '["$","section",null,{"aria-labelledby":"components-heading","children":["$L1","$L1","$2"]}]'
    expect(parts.find((p) => p.name === 'components')?.bytes).toBe(section.length + rows[1]!.length + rows[4]!.length + Buffer.byteLength(rows[2]!))
    expect(parts.find((p) => p.name === 'rest')?.bytes).toBe(rows[0]!.length - section.length + rows[3]!.length)
  })
})
