import { z } from 'zod'

export const localizedName = z
  .object({ ru: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .meta({ id: 'LocalizedName', description: 'The name in both languages' })

const color = z
  .string()
  .regex(/^(#[0-9a-fA-F]{6})?$/)
  .meta({ description: 'A colour as #rrggbb, or empty' })

export const RULE_OPS = ['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'empty', 'notEmpty', 'contains'] as const

export const ruleCondition = z
  .object({
    variable: z.string().min(1).max(100).meta({ description: 'See GET /api/classifiers/rule-variables' }),
    op: z.enum(RULE_OPS),
    value: z
      .union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(500)).max(100)])
      .optional(),
  })
  .meta({ id: 'RuleCondition' })

export const ruleSchema = z
  .object({
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(ruleCondition).min(1).max(20),
  })
  .meta({
    id: 'ClassifierRule',
    description: 'Clients meeting the conditions are in the node; nobody is put there by hand',
  })
export type Rule = z.output<typeof ruleSchema>
export type RuleCondition = z.output<typeof ruleCondition>

export const nodeSchema = z
  .object({
    id: z.number().int(),
    classifierId: z.number().int(),
    parentId: z.number().int().nullable(),
    name: localizedName,
    color: z.string(),
    position: z.number().int().meta({ description: 'Order among siblings (meaningful: cold < warm < hot)' }),
    rank: z
      .number()
      .int()
      .meta({ description: 'Order within the classifier, parents before children: the sort order' }),
    rule: ruleSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ClassifierNode' })
export type NodeDto = z.infer<typeof nodeSchema>

export const classifierSchema = z
  .object({
    id: z.number().int(),
    name: localizedName,
    description: z.string(),
    multiple: z.boolean().meta({ description: 'A client may sit in several nodes of this classifier' }),
    required: z.boolean().meta({ description: 'Every client should sit in a node of it' }),
    position: z.number().int(),
    version: z.number().int(),
    nodes: z.array(nodeSchema).meta({ description: 'Every node, in rank order' }),
  })
  .meta({ id: 'Classifier' })
export type ClassifierDto = z.infer<typeof classifierSchema>

export const classifierCreateBody = z.object({
  name: localizedName,
  description: z.string().trim().max(2000).default(''),
  multiple: z.boolean().default(false),
  required: z.boolean().default(false),
})
// Written out, not `.partial()` of the create body: its defaults would fill every field left out.
export const classifierUpdateBody = z.object({
  name: localizedName.optional(),
  description: z.string().trim().max(2000).optional(),
  multiple: z.boolean().optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
})

export const nodeCreateBody = z.object({
  parentId: z.number().int().positive().nullable().default(null),
  name: localizedName,
  color: color.default(''),
  position: z.number().int().min(0).optional().meta({ description: 'Place among siblings; default last' }),
  rule: ruleSchema.nullable().default(null),
})
export const nodeUpdateBody = z.object({
  name: localizedName.optional(),
  color: color.optional(),
  rule: ruleSchema.nullable().optional(),
})
export const nodeMoveBody = z.object({
  parentId: z.number().int().positive().nullable(),
  position: z.number().int().min(0).meta({ description: 'Place among the new siblings (0 = first)' }),
})
export const nodeDeleteQuery = z.object({
  moveTo: z.coerce.number().int().positive().optional().meta({
    description:
      'Node of the same classifier that the clients of the deleted subtree go to; without it they leave the classifier',
  }),
})

export const classifierParams = z.object({ id: z.coerce.number().int().positive() })
export const nodeParams = z.object({
  id: z.coerce.number().int().positive(),
  nodeId: z.coerce.number().int().positive(),
})

export const membershipSchema = z
  .object({
    classifierId: z.number().int(),
    nodeId: z.number().int(),
    byRule: z.boolean(),
    assignedAt: z.string(),
    assignedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    why: z
      .array(z.string())
      .meta({ description: 'For a rule node: its conditions in words, in the reader’s language' }),
  })
  .meta({ id: 'ClientClassification' })
export type MembershipDto = z.infer<typeof membershipSchema>

export const setClassificationBody = z.object({
  nodeIds: z.array(z.number().int().positive()).max(200),
})

export const ruleVariableSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    type: z.enum(['text', 'number', 'date', 'enum', 'boolean']),
    ops: z.array(z.enum(RULE_OPS)),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  })
  .meta({ id: 'RuleVariable' })

export const historyEntrySchema = z
  .object({
    id: z.number().int(),
    clientId: z.number().int(),
    classifierId: z.number().int(),
    nodeId: z.number().int(),
    action: z.enum(['enter', 'exit']),
    at: z.string(),
    actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    byRule: z.boolean(),
  })
  .meta({ id: 'ClassificationEvent' })

export const movementsQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  fromNodeId: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: '0 = not classified at the start' }),
  toNodeId: z.coerce.number().int().optional().meta({ description: '0 = left the classifier' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const movementsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    cells: z.array(
      z.object({
        fromNodeId: z.number().int().nullable().meta({ description: 'null: not classified at the start' }),
        toNodeId: z.number().int().nullable().meta({ description: 'null: not classified at the end' }),
        clients: z.number().int(),
      }),
    ),
    clients: z
      .array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          fromNodeId: z.number().int().nullable(),
          toNodeId: z.number().int().nullable(),
        }),
      )
      .meta({ description: 'The clients of the chosen cell (fromNodeId/toNodeId), up to `limit`' }),
  })
  .meta({ id: 'ClassifierMovements' })

export const bulkClassifyBody = z.object({
  nodeId: z.number().int().positive(),
  action: z.enum(['add', 'remove']),
})
