/**
 * The calendar feed's addresses from the path the server returns once: the web address (Outlook,
 * Google Calendar) and the same with `webcal://`, which opens the calendar app and subscribes.
 */
export function feedUrls(origin: string, path: string): { url: string; webcal: string } {
  const url = new URL(path, origin).toString()
  return { url, webcal: url.replace(/^https?:/, 'webcal:') }
}
