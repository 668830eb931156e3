import { useCallback, useState } from 'react'

const STORAGE_KEY = 'mmcrm.clients.facets'

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'closed'
  } catch {
    return true
  }
}

/** Whether the classifier panel is open beside the client list; remembered on this browser. */
export function useFacetsOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(stored)
  const change = useCallback((next: boolean) => {
    setOpen(next)
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'open' : 'closed')
    } catch {
      // Private mode or storage full: the choice lasts until the page is left.
    }
  }, [])
  return [open, change]
}
