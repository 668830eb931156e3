/**
 * Reading a text file as Russian Excel and other CRMs write it: UTF-8 with or without a BOM, or
 * Windows-1251 (what "Save as CSV" gives in a Russian Excel). A file that is valid UTF-8 is UTF-8;
 * anything else is read as Windows-1251.
 */
export type TextEncoding = 'utf-8' | 'windows-1251'

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'windows-1251'
  }
}

/** The file's text (without a BOM) and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes)
  // TextDecoder drops a UTF-8 BOM by itself.
  return { text: new TextDecoder(encoding).decode(bytes), encoding }
}

export type Delimiter = ';' | ',' | '\t'

/**
 * The separator of a CSV text: the candidate that splits the first lines (outside quotes) into the same
 * number of cells most consistently, preferring more cells. Russian Excel writes `;`.
 */
export function detectDelimiter(text: string): Delimiter {
  const candidates: Delimiter[] = [';', ',', '\t']
  const lines = logicalLines(text, 20)
  let best: Delimiter = ';'
  let bestScore = -1
  for (const d of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    if (!counts.length || counts[0] === 0) continue
    const same = counts.filter((c) => c === counts[0]).length / counts.length
    const score = same * 1000 + counts[0]!
    if (score > bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}

/** The first `max` records of a CSV text, joining lines broken inside quotes. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i]!
    if (ch === '"') quoted = !quoted
    if ((ch === '\n' || ch === '\r') && !quoted) {
      if (current.trim()) out.push(current)
      current = ''
      continue
    }
    current += ch
  }
  if (current.trim() && out.length < max) out.push(current)
  return out
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === d && !quoted) n++
  }
  return n
}
