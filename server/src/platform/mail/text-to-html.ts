const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

/** Escapes a paragraph and turns its http(s) addresses into links (a trailing full stop stays text). */
function paragraphHtml(text: string): string {
  let html = ''
  let last = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)]+$/, '')
    html += escapeHtml(text.slice(last, match.index))
    html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
    last = match.index + url.length
  }
  html += escapeHtml(text.slice(last))
  return html.replace(/\n/g, '<br>\n')
}

/**
 * Plain text as minimal, safe HTML: everything escaped, blank lines make paragraphs, line breaks stay,
 * and http(s) addresses become links. Nothing of the text can become markup.
 */
export function textToHtml(text: string): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${paragraphHtml(p)}</p>`)
    .join('\n')
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n`
}
