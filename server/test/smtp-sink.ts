import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  /** The signed-in user, when the sink asks for a password. */
  user: string | null
  raw: string
  parsed: ParsedMail
}

export interface SmtpSink {
  host: string
  port: number
  messages: ReceivedMail[]
  close(): Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it receives. Plain text (no STARTTLS):
 * settings use `security: 'none'`. With `user` and `password`, it requires signing in with them.
 */
export async function startSmtpSink(auth?: { user: string; password: string }): Promise<SmtpSink> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    secure: false,
    logger: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.password)
        callback(null, { user: credentials.username })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              user: typeof session.user === 'string' ? session.user : null,
              raw: raw.toString('utf8'),
              parsed,
            })
            callback()
          },
          (err: Error) => callback(err),
        )
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('smtp sink: no port')
  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A port on 127.0.0.1 where nothing listens (taken, then released). */
export async function closedPort(): Promise<number> {
  const sink = await startSmtpSink()
  const { port } = sink
  await sink.close()
  return port
}
