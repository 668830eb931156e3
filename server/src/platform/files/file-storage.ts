import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** What `save` stored: the key to find the bytes again, their size and SHA-256 (hex). */
export interface StoredFile {
  key: string
  size: number
  sha256: string
}

/** The stream carried more bytes than the upload limit allows; nothing was kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`)
    this.name = 'FileTooLargeError'
  }
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isStorageKey(key: string): boolean {
  return KEY.test(key)
}

/**
 * Uploaded bytes on the local disk: `<root>/<first 2 hex of key>/<key>`, the key a random UUID (never
 * the user's file name, so nothing from a request becomes a path). A file is written to `<root>/tmp`
 * first and renamed into place only when complete, so a reader never sees half a file and a failed
 * upload leaves nothing behind. With several instances, `root` must be a shared volume.
 */
export class FileStorage {
  private readonly tmpDir: string

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp')
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error('invalid storage key')
    return path.join(this.root, key.slice(0, 2), key)
  }

  /** Streams the bytes to disk, hashing them on the way; refuses (and keeps nothing) past `maxBytes`. */
  async save(stream: Readable, options: { maxBytes?: number } = {}): Promise<StoredFile> {
    const key = randomUUID()
    const target = this.pathOf(key)
    const temp = path.join(this.tmpDir, `${key}.part`)
    await fs.promises.mkdir(this.tmpDir, { recursive: true })
    const hash = createHash('sha256')
    let size = 0
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        if (size > maxBytes) {
          callback(new FileTooLargeError(maxBytes))
          return
        }
        hash.update(chunk)
        callback(null, chunk)
      },
    })
    try {
      await pipeline(stream, meter, fs.createWriteStream(temp, { flags: 'wx', mode: 0o640 }))
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await fs.promises.rename(temp, target)
    } catch (error) {
      await fs.promises.rm(temp, { force: true })
      throw error
    }
    return { key, size, sha256: hash.digest('hex') }
  }

  /** The stored size in bytes, or undefined when the bytes are not there. */
  async size(key: string): Promise<number | undefined> {
    try {
      const stat = await fs.promises.stat(this.pathOf(key))
      return stat.isFile() ? stat.size : undefined
    } catch {
      return undefined
    }
  }

  /** A stream of the stored bytes (errors with ENOENT when they are gone: check `size` first). */
  open(key: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(key))
  }

  /** Deletes the bytes; already gone is fine. */
  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }
}
