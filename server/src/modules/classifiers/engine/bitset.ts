/**
 * Fixed-width bitsets over client ids, as plain `Uint32Array`s (bit `id & 31` of word `id >>> 5`).
 * The operations are tight loops over words: a million clients are 31,250 words.
 */
export type Bits = Uint32Array

export function wordsFor(maxId: number): number {
  return (maxId >>> 5) + 1
}

export function has(bits: Bits, id: number): boolean {
  const w = id >>> 5
  return w < bits.length && (bits[w]! & (1 << (id & 31))) !== 0
}

export function add(bits: Bits, id: number): void {
  bits[id >>> 5]! |= 1 << (id & 31)
}

export function remove(bits: Bits, id: number): void {
  bits[id >>> 5]! &= ~(1 << (id & 31))
}

/** A copy of `bits` widened (or narrowed) to `words` words. */
export function resized(bits: Bits, words: number): Bits {
  const out = new Uint32Array(words)
  out.set(bits.length > words ? bits.subarray(0, words) : bits)
  return out
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

export function count(bits: Bits): number {
  let n = 0
  for (let i = 0; i < bits.length; i++) {
    const x = bits[i]!
    if (x !== 0) n += popcount32(x)
  }
  return n
}

/** `out = a & b` (in place when `out` is `a`). */
export function andInto(out: Bits, a: Bits, b: Bits): Bits {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! & b[i]!
  return out
}

export function orInto(out: Bits, b: Bits): Bits {
  for (let i = 0; i < out.length; i++) out[i]! |= b[i]!
  return out
}

export function andNotInto(out: Bits, b: Bits): Bits {
  for (let i = 0; i < out.length; i++) out[i]! &= ~b[i]!
  return out
}

/** Indexes of the words that have any bit set: the only words an intersection with `bits` needs to visit. */
export function nonZeroWords(bits: Bits): Uint32Array {
  let n = 0
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) n++
  const out = new Uint32Array(n)
  let j = 0
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) out[j++] = i
  return out
}

/** `|a & b|`, visiting only the given words of `a` (its non-zero ones). */
export function countAndOver(a: Bits, b: Bits, words: Uint32Array): number {
  let n = 0
  for (let k = 0; k < words.length; k++) {
    const i = words[k]!
    const x = a[i]! & b[i]!
    if (x !== 0) n += popcount32(x)
  }
  return n
}

/** Calls `fn` with every id in `bits`, ascending; stops when `fn` returns false. */
export function forEachId(bits: Bits, fn: (id: number) => boolean | undefined): void {
  for (let i = 0; i < bits.length; i++) {
    let x = bits[i]!
    while (x !== 0) {
      const low = x & -x
      const id = (i << 5) + (31 - Math.clz32(low))
      if (fn(id) === false) return
      x ^= low
    }
  }
}

export function toIds(bits: Bits, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = []
  forEachId(bits, (id) => {
    out.push(id)
    return out.length < limit
  })
  return out
}
