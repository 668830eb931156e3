import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import {
  classifierCreateBody,
  classifierParams,
  classifierSchema,
  classifierUpdateBody,
  nodeCreateBody,
  nodeDeleteQuery,
  nodeMoveBody,
  nodeParams,
  nodeSchema,
  nodeUpdateBody,
  ruleVariableSchema,
} from './classifiers.schemas.ts'
import * as service from './classifiers.service.ts'
import { customVariableType, ruleVariables } from './rules.ts'
import { CUSTOM_RULE_OPS } from './rules-ops.ts'

const noContent = z.null().meta({ description: 'Done' })

/** Classifiers and their trees: everyone who reads clients reads them; administrators shape them. */
export const classifiersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app.ctx

  app.get(
    '/api/classifiers',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Every classifier with its nodes in rank order',
        response: { 200: z.object({ items: z.array(classifierSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await service.listClassifiers(db) }),
  )

  app.get(
    '/api/classifiers/rule-variables',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'What a rule node can test, with the operators each allows, in the reader’s language',
        response: { 200: z.object({ items: z.array(ruleVariableSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const locale = requireActor(request).locale
      const { fixed, custom } = await ruleVariables(db)
      return {
        items: [
          ...fixed.map((v) => ({
            key: v.key,
            label: v.label[locale],
            type: v.type,
            ops: [...CUSTOM_RULE_OPS[v.type]],
            options: v.options?.map((o) => ({ value: o.value, label: o.label[locale] })),
          })),
          ...custom.map((d) => {
            const type = customVariableType(d)
            return {
              key: `custom.${d.key}`,
              label: locale === 'en' ? d.labelEn || d.labelRu : d.labelRu || d.labelEn,
              type,
              ops: [...CUSTOM_RULE_OPS[type]],
              options: d.options.length
                ? d.options.map((o) => ({
                    value: o.value,
                    label: locale === 'en' ? o.labelEn || o.labelRu : o.labelRu || o.labelEn,
                  }))
                : undefined,
            }
          }),
        ],
      }
    },
  )

  app.get(
    '/api/classifiers/:id',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'One classifier with its nodes',
        params: classifierParams,
        response: { 200: classifierSchema, ...errorResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await service.getClassifier(db, request.params.id)),
  )

  app.post(
    '/api/classifiers',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Create a classifier (a tree of nodes clients are placed in)',
        body: classifierCreateBody,
        response: { 201: classifierSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201)
      return sendWithEtag(reply, await service.createClassifier(db, auditSource(request), request.body))
    },
  )

  app.patch(
    '/api/classifiers/:id',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Change a classifier (send If-Match)',
        params: classifierParams,
        body: classifierUpdateBody,
        response: { 200: classifierSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await service.updateClassifier(
          db,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )

  app.delete(
    '/api/classifiers/:id',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'Delete a classifier with its nodes; clients leave it, their history keeps it (send If-Match)',
        params: classifierParams,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteClassifier(db, auditSource(request), request.params.id, expectedVersion(request))
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/classifiers/:id/nodes',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Add a node (under a parent, at a place among its siblings; with a rule, it fills itself)',
        params: classifierParams,
        body: nodeCreateBody,
        response: { 201: nodeSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201)
      return sendWithEtag(
        reply,
        await service.createNode(db, jobs, auditSource(request), request.params.id, request.body),
      )
    },
  )

  app.patch(
    '/api/classifiers/:id/nodes/:nodeId',
    {
      schema: {
        tags: ['Classifiers'],
        summary: 'Rename a node, change its colour or rule (send If-Match of the node)',
        params: nodeParams,
        body: nodeUpdateBody,
        response: { 200: nodeSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await service.updateNode(
          db,
          jobs,
          auditSource(request),
          request.params.id,
          request.params.nodeId,
          expectedVersion(request),
          request.body,
        ),
      ),
  )

  app.post(
    '/api/classifiers/:id/nodes/:nodeId/move',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'Move a node with its subtree under another parent and/or to another place among siblings (send If-Match)',
        params: nodeParams,
        body: nodeMoveBody,
        response: { 200: nodeSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await service.moveNode(
          db,
          auditSource(request),
          request.params.id,
          request.params.nodeId,
          expectedVersion(request),
          request.body,
        ),
      ),
  )

  app.delete(
    '/api/classifiers/:id/nodes/:nodeId',
    {
      schema: {
        tags: ['Classifiers'],
        summary:
          'Delete a node with its subtree; its clients go to `moveTo` or leave the classifier (send If-Match)',
        params: nodeParams,
        querystring: nodeDeleteQuery,
        response: {
          200: z.object({ moved: z.number().int(), removed: z.number().int() }),
          ...writeErrorResponses,
        },
      },
    },
    async (request) =>
      service.deleteNode(
        db,
        auditSource(request),
        request.params.id,
        request.params.nodeId,
        expectedVersion(request),
        request.query.moveTo,
      ),
  )
}
