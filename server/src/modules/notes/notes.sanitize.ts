import sanitizeHtml from 'sanitize-html'

const SAFE_HREF = /^(https?:\/\/|mailto:)/i
const MENTION_ID = /^\d{1,10}$/

/**
 * What the note editor may produce: basic formatting, lists, quotes, code, links and mentions. Anything
 * else (scripts, styles, event handlers, images, iframes, classes) is dropped, keeping the text.
 */
const NOTE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'a',
    'span',
  ],
  allowedAttributes: { a: ['href', 'rel', 'target'], span: ['data-mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  // A link whose address was not safe keeps its text but is no link.
  exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
  transformTags: {
    // Pasted blocks become paragraphs, so their text keeps its line breaks.
    div: 'p',
    h1: 'p',
    h2: 'p',
    h3: 'p',
    h4: 'p',
    h5: 'p',
    h6: 'p',
    // Built from scratch: only a safe absolute href survives (sanitize-html alone keeps relative URLs),
    // and every link opens apart from the CRM without telling the target where it came from.
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim()
      return {
        tagName,
        attribs: {
          ...(SAFE_HREF.test(href) ? { href } : {}),
          rel: 'noopener noreferrer nofollow',
          target: '_blank',
        },
      }
    },
    span: (tagName, attribs) => {
      const id = (attribs['data-mention'] ?? '').trim()
      const kept: sanitizeHtml.Attributes = MENTION_ID.test(id) ? { 'data-mention': id } : {}
      return { tagName, attribs: kept }
    },
  },
}

const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, nonTextTags: [] }

export interface NoteContent {
  /** Sanitized HTML, safe to render. */
  body: string
  /** Plain text, for search, previews and the audit trail. */
  text: string
  /** Ids from `<span data-mention="…">`, unique, in order of appearance. */
  mentionIds: number[]
}

function decodeBasicEntities(s: string): string {
  // sanitize-html decodes every entity and re-escapes only these in text.
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** Plain text of sanitized note HTML: block ends and `<br>` become line breaks. */
export function noteText(safeHtml: string): string {
  const withBreaks = safeHtml
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|li|blockquote|pre)>/g, '</$1>\n')
    .replace(/<(ul|ol)>/g, '\n<$1>')
  return decodeBasicEntities(sanitizeHtml(withBreaks, TEXT_ONLY))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** Cleans the editor's HTML and derives the plain text and the mentioned employees' ids. */
export function prepareNoteContent(html: string): NoteContent {
  const body = sanitizeHtml(html, NOTE_HTML).trim()
  const text = noteText(body)
  const mentionIds: number[] = []
  for (const m of body.matchAll(/<span data-mention="(\d{1,10})">/g)) {
    const id = Number(m[1])
    if (id > 0 && !mentionIds.includes(id)) mentionIds.push(id)
  }
  return { body, text, mentionIds }
}
