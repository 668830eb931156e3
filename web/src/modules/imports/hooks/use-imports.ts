import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  fetchImport,
  fetchImportRows,
  fetchImports,
  type Import,
  importKeys,
  type RowAction,
} from '../api/imports-api.ts'

/** One import, as the wizard resumes it. */
export function useImport(id: number) {
  return useQuery({ queryKey: importKeys.one(id), queryFn: () => fetchImport(id), staleTime: 0 })
}

/** The caller's earlier imports, newest first. */
export function useImports() {
  return useQuery({ queryKey: importKeys.list(), queryFn: fetchImports, staleTime: 0 })
}

/** A page of the dry run's (or the import's) rows with one outcome. */
export function useImportRows(id: number, status: RowAction, page: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.rows(id, status, page),
    queryFn: () => fetchImportRows(id, status, page),
    enabled,
    placeholderData: keepPreviousData,
  })
}

/** Stores an import the server answered with, and forgets what was derived from the older one. */
export function useImportRefresh() {
  const queryClient = useQueryClient()
  return useCallback(
    (id: number, fresh?: Import) => {
      if (fresh) queryClient.setQueryData(importKeys.one(id), fresh)
      void queryClient.invalidateQueries({ queryKey: importKeys.all })
    },
    [queryClient],
  )
}
