import { describe, expect, it } from 'vitest'
import { prepareNoteContent } from './notes.sanitize.ts'

describe('note HTML', () => {
  it('drops script-bearing markup in its many disguises', () => {
    const attacks = [
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JaVaScRiPt:alert(1)">x</a>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a href="//evil.example/">x</a>',
      '<a href="/relative">x</a>',
      '<svg><script>alert(1)</script></svg>x',
      '<iframe src="https://evil.example"></iframe>x',
      '<img src=x onerror=alert(1)>x',
      '<p style="background:url(javascript:alert(1))">x</p>',
      '<span data-mention="1" onmouseover="alert(1)">x</span>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<<script>script>alert(1)<</script>/script>x',
    ]
    for (const html of attacks) {
      const { body } = prepareNoteContent(html)
      expect(body, html).not.toMatch(
        /javascript|<script|onerror|onmouseover|<iframe|<img|<svg|style=|href="\/|data:/i,
      )
    }
  })

  it('keeps safe links, opening apart from the CRM', () => {
    expect(prepareNoteContent('<a href="mailto:ivan@example.com" rel="opener">mail</a>').body).toBe(
      '<a href="mailto:ivan@example.com" rel="noopener noreferrer nofollow" target="_blank">mail</a>',
    )
  })

  it('keeps mentions only as digits and collects their ids once, in order', () => {
    const c = prepareNoteContent(
      '<p><span data-mention="7">@A</span> <span data-mention="x7">@B</span> <span data-mention="3">@C</span> <span data-mention="7">@A</span></p>',
    )
    expect(c.mentionIds).toEqual([7, 3])
    expect(c.body).toBe(
      '<p><span data-mention="7">@A</span> <span>@B</span> <span data-mention="3">@C</span> <span data-mention="7">@A</span></p>',
    )
    expect(c.text).toBe('@A @B @C @A')
  })

  it('turns blocks into lines of plain text and decodes entities', () => {
    const c = prepareNoteContent(
      '<p>a &lt; b &amp;&nbsp;c</p><div>d</div><ol><li>e</li></ol><pre><code>f</code></pre>',
    )
    expect(c.text).toBe('a < b & c\nd\ne\nf')
  })
})
