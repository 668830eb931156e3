/** A signed-in API session for seeding and for playing a colleague in browser tests. */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
    readonly userId: number,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`)
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const me = (await res.json()) as { id: number; csrfToken: string }
    return new ApiSession(baseUrl, cookie, me.csrfToken, me.id)
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }
}
