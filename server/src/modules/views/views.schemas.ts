import { z } from 'zod'

export const VIEW_ENTITIES = ['clients'] as const
export const VIEW_SCOPES = ['private', 'team', 'all'] as const

export const viewState = z
  .object({
    filter: z
      .record(z.string().max(50), z.string().max(4000))
      .meta({ description: 'The list’s filter parameters, as in its URL' }),
    sort: z.string().max(300).default(''),
    columns: z.array(z.string().max(100)).max(100).default([]),
  })
  .meta({ id: 'SavedViewState' })

export const viewSchema = z
  .object({
    id: z.number().int(),
    entity: z.enum(VIEW_ENTITIES),
    name: z.string(),
    scope: z.enum(VIEW_SCOPES),
    owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    teamId: z.number().int().nullable(),
    state: viewState,
    isDefault: z.boolean().meta({ description: 'My default view of this list' }),
    canEdit: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedView' })
export type ViewDto = z.infer<typeof viewSchema>

export const viewCreateBody = z.object({
  entity: z.enum(VIEW_ENTITIES),
  name: z.string().trim().min(1).max(200),
  scope: z.enum(VIEW_SCOPES).default('private'),
  state: viewState,
})
export const viewUpdateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  scope: z.enum(VIEW_SCOPES).optional(),
  state: viewState.optional(),
})
export const viewParams = z.object({ id: z.coerce.number().int().positive() })
export const viewListQuery = z.object({ entity: z.enum(VIEW_ENTITIES) })
export const defaultBody = z.object({
  entity: z.enum(VIEW_ENTITIES),
  viewId: z.number().int().positive().nullable(),
})
