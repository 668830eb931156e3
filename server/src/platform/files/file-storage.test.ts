import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { attachmentDisposition, sanitizeFileName } from './file-names.ts'
import { FileStorage, FileTooLargeError } from './file-storage.ts'

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

describe('file storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mmcrm-files-'))
  const storage = new FileStorage(root)
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('stores bytes under a random key, hashing them on the way, and gives them back', async () => {
    const bytes = Buffer.from('Привет, мир! '.repeat(10_000))
    const stored = await storage.save(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))
    expect(stored.size).toBe(bytes.length)
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(filesUnder(root)).toEqual([path.join(root, stored.key.slice(0, 2), stored.key)])
    expect(await storage.size(stored.key)).toBe(bytes.length)
    const chunks: Buffer[] = []
    for await (const chunk of storage.open(stored.key)) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true)
    await storage.remove(stored.key)
    expect(await storage.size(stored.key)).toBeUndefined()
    expect(filesUnder(root)).toEqual([])
  })

  it('refuses more bytes than allowed and keeps nothing, not even the partial file', async () => {
    await expect(
      storage.save(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(FileTooLargeError)
    expect(filesUnder(root)).toEqual([])
  })

  it('keeps nothing when the incoming stream fails half-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(100))
        this.destroy(new Error('connection reset'))
      },
    })
    await expect(storage.save(failing)).rejects.toThrow('connection reset')
    expect(filesUnder(root)).toEqual([])
  })

  it('never turns a key into a path outside its folder', async () => {
    await expect(storage.remove('../../etc/passwd')).rejects.toThrow('invalid storage key')
    expect(() => storage.open('..')).toThrow('invalid storage key')
  })
})

describe('file names', () => {
  it('keeps the last path segment and Unicode, drops control and direction-override characters', () => {
    expect(sanitizeFileName('C:\\Users\\me\\Договор №5.pdf')).toBe('Договор №5.pdf')
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('inv\u0000oice\r\n.pdf')).toBe('invoice.pdf')
    expect(sanitizeFileName('photo\u202Egpj.exe')).toBe('photogpj.exe')
    expect(sanitizeFileName('..')).toBe('file')
    expect(sanitizeFileName('')).toBe('file')
  })

  it('cuts long names to 255 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'я'.repeat(300)}.docx`)
    expect(Array.from(name)).toHaveLength(255)
    expect(name.endsWith('.docx')).toBe(true)
  })

  it('always offers an attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Отчёт "Q1" (итог).pdf')).toBe(
      `attachment; filename="_____ _Q1_ (____).pdf"; filename*=UTF-8''${encodeURIComponent('Отчёт "Q1" ').replace(/'/g, '%27')}%28${encodeURIComponent('итог')}%29.pdf`,
    )
    expect(attachmentDisposition('a;b.txt')).toBe(
      `attachment; filename="a_b.txt"; filename*=UTF-8''a%3Bb.txt`,
    )
  })
})
