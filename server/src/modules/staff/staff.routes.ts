import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import { pageSchema } from '../../platform/http/list.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import { PERMISSIONS } from '../../platform/permissions/catalogue.ts'
import { historyQuery, historyResponse, recordHistory } from '../audit/index.ts'
import * as repo from './staff.repository.ts'
import {
  idParams,
  permissionListSchema,
  roleCreateBody,
  roleSchema,
  roleUpdateBody,
  teamCreateBody,
  teamSchema,
  teamUpdateBody,
  userCreateBody,
  userListQuery,
  userPasswordBody,
  userSchema,
  userUpdateBody,
} from './staff.schemas.ts'
import * as service from './staff.service.ts'

const noContent = z.null().meta({ description: 'Done' })

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx

  // ── employees ────────────────────────────────────────────────────────────
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['Employees'],
        summary: 'List employees',
        querystring: userListQuery,
        response: { 200: pageSchema(userSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await repo.findUsers(db, request.query, request.locale)
      return { items, total, page: request.query.page, pageSize: request.query.pageSize }
    },
  )

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['Employees'],
        summary: 'One employee',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await service.getUser(db, request.params.id, request.locale)),
  )

  app.get(
    '/api/users/:id/history',
    {
      schema: {
        tags: ['Employees'],
        summary: 'Change history of an employee record',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.getUser(db, request.params.id, request.locale)
      return recordHistory(db, 'user', request.params.id, request.query.before)
    },
  )

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['Employees'],
        summary: 'Add an employee',
        body: userCreateBody,
        response: { 201: userSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const user = await service.createUser(db, auditSource(request), request.body, {
        locale: config.defaultLocale,
        timeZone: config.defaultTimeZone,
      })
      reply.status(201)
      return sendWithEtag(reply, user)
    },
  )

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['Employees'],
        summary: 'Change an employee (role, team, activity…)',
        params: idParams,
        headers: ifMatchHeader,
        body: userUpdateBody,
        response: { 200: userSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      const user = await service.updateUser(
        db,
        auditSource(request),
        request.params.id,
        version,
        request.body,
      )
      return sendWithEtag(reply, user)
    },
  )

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['Employees'],
        summary: "Set an employee's password (ends their sessions, lifts a lock-out)",
        params: idParams,
        body: userPasswordBody,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await service.setPassword(db, auditSource(request), request.params.id, request.body.password)
      return reply.status(204).send(null)
    },
  )

  // ── teams ────────────────────────────────────────────────────────────────
  app.get(
    '/api/teams',
    {
      schema: {
        tags: ['Teams'],
        summary: 'List teams',
        response: { 200: z.object({ items: z.array(teamSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await repo.findTeams(db) }),
  )

  app.get(
    '/api/teams/:id',
    {
      schema: {
        tags: ['Teams'],
        summary: 'One team',
        params: idParams,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await service.getTeam(db, request.params.id)),
  )

  app.get(
    '/api/teams/:id/history',
    {
      schema: {
        tags: ['Teams'],
        summary: 'Change history of a team',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.getTeam(db, request.params.id)
      return recordHistory(db, 'team', request.params.id, request.query.before)
    },
  )

  app.post(
    '/api/teams',
    {
      schema: {
        tags: ['Teams'],
        summary: 'Create a team',
        body: teamCreateBody,
        response: { 201: teamSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const team = await service.createTeam(db, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, team)
    },
  )

  app.patch(
    '/api/teams/:id',
    {
      schema: {
        tags: ['Teams'],
        summary: 'Change a team',
        params: idParams,
        headers: ifMatchHeader,
        body: teamUpdateBody,
        response: { 200: teamSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      return sendWithEtag(
        reply,
        await service.updateTeam(db, auditSource(request), request.params.id, version, request.body),
      )
    },
  )

  app.delete(
    '/api/teams/:id',
    {
      schema: {
        tags: ['Teams'],
        summary: 'Delete an empty team',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      await service.deleteTeam(db, auditSource(request), request.params.id, version)
      return reply.status(204).send(null)
    },
  )

  // ── roles ────────────────────────────────────────────────────────────────
  app.get(
    '/api/permissions',
    {
      schema: {
        tags: ['Roles'],
        summary: 'Every permission a role can hold',
        response: { 200: permissionListSchema, ...errorResponses },
      },
    },
    async () => PERMISSIONS.map((key) => ({ key, area: key.split('.')[0] ?? key })),
  )

  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['Roles'],
        summary: 'List roles',
        response: { 200: z.object({ items: z.array(roleSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await repo.findRoles(db, request.locale) }),
  )

  app.get(
    '/api/roles/:id',
    {
      schema: {
        tags: ['Roles'],
        summary: 'One role',
        params: idParams,
        response: { 200: roleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await service.getRole(db, request.params.id, request.locale)),
  )

  app.get(
    '/api/roles/:id/history',
    {
      schema: {
        tags: ['Roles'],
        summary: 'Change history of a role',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.getRole(db, request.params.id, request.locale)
      return recordHistory(db, 'role', request.params.id, request.query.before)
    },
  )

  app.post(
    '/api/roles',
    {
      schema: {
        tags: ['Roles'],
        summary: 'Create a role',
        body: roleCreateBody,
        response: { 201: roleSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const role = await service.createRole(db, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, role)
    },
  )

  app.patch(
    '/api/roles/:id',
    {
      schema: {
        tags: ['Roles'],
        summary: 'Change a role (not the built-in ones)',
        params: idParams,
        headers: ifMatchHeader,
        body: roleUpdateBody,
        response: { 200: roleSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      return sendWithEtag(
        reply,
        await service.updateRole(db, auditSource(request), request.params.id, version, request.body),
      )
    },
  )

  app.delete(
    '/api/roles/:id',
    {
      schema: {
        tags: ['Roles'],
        summary: 'Delete an unused role',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request)
      requireActor(request)
      await service.deleteRole(db, auditSource(request), request.params.id, version)
      return reply.status(204).send(null)
    },
  )
}
