/** The `@query` being typed just before the caret, inside `root`. */
export interface MentionTarget {
  node: Text
  start: number
  end: number
  query: string
}

const MENTION_AT_CARET = /(?:^|[\s\u00a0(])@([\p{L}\p{N}._-]{0,40})$/u

export function mentionAtCaret(root: HTMLElement): MentionTarget | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const node = range.startContainer
  if (node.nodeType !== Node.TEXT_NODE || !root.contains(node)) return null
  const before = (node.textContent ?? '').slice(0, range.startOffset)
  const match = MENTION_AT_CARET.exec(before)
  if (!match) return null
  const query = match[1] ?? ''
  return { node: node as Text, start: range.startOffset - query.length - 1, end: range.startOffset, query }
}

function placeCaretAfter(node: Node): void {
  const selection = window.getSelection()
  if (!selection) return
  const range = document.createRange()
  range.setStartAfter(node)
  range.collapse(true)
  selection.removeAllRanges()
  selection.addRange(range)
}

/** Replaces `@query` with a mention of the colleague: `<span data-mention="ID">@Name</span>`. */
export function insertMention(target: MentionTarget, user: { id: number; name: string }): void {
  const range = document.createRange()
  range.setStart(target.node, Math.max(0, target.start))
  range.setEnd(target.node, target.end)
  range.deleteContents()
  const span = document.createElement('span')
  span.dataset.mention = String(user.id)
  span.contentEditable = 'false'
  span.textContent = `@${user.name}`
  range.insertNode(span)
  const space = document.createTextNode('\u00a0')
  span.after(space)
  placeCaretAfter(space)
}

export function saveSelection(root: HTMLElement): Range | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  return root.contains(range.commonAncestorContainer) ? range.cloneRange() : null
}

export function restoreSelection(root: HTMLElement, range: Range | null): void {
  root.focus()
  const selection = window.getSelection()
  if (!selection || !range) return
  selection.removeAllRanges()
  selection.addRange(range)
}

/** An address a note may link to: web or mail; a bare `example.ru` means https. */
export function safeHref(value: string): string | null {
  const text = value.trim()
  if (!text) return null
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(text)) return text
  const candidate = /^https?:\/\//i.test(text)
    ? text
    : /^[a-z][a-z\d+.-]*:/i.test(text)
      ? null
      : `https://${text}`
  if (!candidate) return null
  try {
    const url = new URL(candidate)
    return url.hostname.includes('.') ? url.href : null
  } catch {
    return null
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Applies a formatting command to the selection. `execCommand` is deprecated but still the one
 * editing API every browser has for contentEditable; the server sanitizes whatever it produces.
 */
export function applyFormat(command: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList'): void {
  document.execCommand(command)
}

export function insertLink(href: string, collapsed: boolean): void {
  if (collapsed)
    document.execCommand('insertHTML', false, `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>&nbsp;`)
  else document.execCommand('createLink', false, href)
}

/** Pasted text comes in as plain text: no foreign markup in notes. */
export function insertPlainText(text: string): void {
  document.execCommand('insertText', false, text)
}
