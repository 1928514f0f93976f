import { describe, expect, it } from 'vitest'
import { findIconUrls, sniffImageType } from './logo'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describe('findIconUrls', () => {
  it('puts apple-touch-icon first, then icons by size, then /favicon.ico, resolved against the page', () => {
    const html = `<html><head>
      <link rel="icon" href="/small.png" sizes="16x16">
      <link rel="shortcut icon" href="https://cdn.example.com/big.png" sizes="64x64">
      <link rel="apple-touch-icon" href="touch.png">
      <link rel="stylesheet" href="/style.css">
    </head></html>`
    expect(findIconUrls(html, 'https://status.example.com/page/')).toEqual([
      'https://status.example.com/page/touch.png',
      'https://cdn.example.com/big.png',
      'https://status.example.com/small.png',
      'https://status.example.com/favicon.ico',
    ])
  })

  it('skips SVG and unusable hrefs, and falls back to /favicon.ico', () => {
    const html = `<link rel="icon" type="image/svg+xml" href="/icon.svg"><link rel="icon" href="/x.svg?v=2"><link rel="icon" href="javascript:alert(1)"><link rel="mask-icon" href="/mask.png">`
    expect(findIconUrls(html, 'https://status.example.com')).toEqual(['https://status.example.com/favicon.ico'])
    expect(findIconUrls('', 'https://status.example.com/x')).toEqual(['https://status.example.com/favicon.ico'])
  })
})

describe('sniffImageType', () => {
  it('names raster images by their bytes, whatever they claim, and refuses the rest', () => {
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(Buffer.from([0, 0, 1, 0, 1, 0, 16, 16]))).toBe('image/x-icon')
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('image/gif')
    expect(sniffImageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull()
    expect(sniffImageType(Buffer.from('<!doctype html><title>404</title>'))).toBeNull()
    expect(sniffImageType(Buffer.alloc(0))).toBeNull()
  })
})
