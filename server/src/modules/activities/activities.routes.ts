import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordAudit } from '../../platform/audit/audit.ts'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { inTransaction } from '../../platform/db/transaction.ts'
import { expectedVersion, sendWithEtag } from '../../platform/http/etag.ts'
import {
  auditSource,
  errorResponses,
  ifMatchHeader,
  writeErrorResponses,
} from '../../platform/http/request.ts'
import { requirePermission } from '../../platform/permissions/authorize.ts'
import {
  activityCompleteBody,
  activityCompletedSchema,
  activityCreateBody,
  activityDeleteQuery,
  activityListQuery,
  activitySchema,
  activityTypeCreateBody,
  activityTypeSchema,
  activityTypeUpdateBody,
  activityUpdateBody,
  idParams,
  myDayQuery,
  myDaySchema,
  taskCreateBody,
  taskListQuery,
  taskPageSchema,
  taskSchema,
  taskUpdateBody,
  timelineEntrySchema,
  timelineQuery,
} from './activities.schemas.ts'
import * as activities from './activities.service.ts'
import * as types from './activity-types.service.ts'
import * as organizer from './organizer.service.ts'
import { reminderSettingsOf, reminderSettingsSchema, saveReminderSettings } from './reminders.sync.ts'
import * as tasks from './tasks.service.ts'
import './activities.messages.ts'

const noContent = z.null().meta({ description: 'Done' })

/**
 * Activities, tasks, the organizer and activity types. Routes need `activities.read` / `activities.write`
 * (the policy); each handler also checks the record's visibility (its performer's team, its creator, or
 * the record it concerns) before anything is written.
 */
export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = { db: app.ctx.db, subjects: app.ctx.subjects }

  // ------------------------------------------------------------ activity types
  app.get(
    '/api/activity-types',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Activity types with their outcomes (administrator-defined lists)',
        response: { 200: z.object({ items: z.array(activityTypeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await types.listActivityTypes(app.ctx.db, requireActor(request)) }),
  )
  app.post(
    '/api/activity-types',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Add an activity type with its outcomes',
        body: activityTypeCreateBody,
        response: { 201: activityTypeSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const t = await types.createActivityType(app.ctx.db, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, t)
    },
  )
  app.patch(
    '/api/activity-types/:id',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Change an activity type (rename, colour, hide, its outcomes)',
        params: idParams,
        headers: ifMatchHeader,
        body: activityTypeUpdateBody,
        response: { 200: activityTypeSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await types.updateActivityType(
          app.ctx.db,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )

  // ------------------------------------------------------------ activities
  app.get(
    '/api/activities',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Activities in a period (calendar): mine, my team’s or chosen colleagues’ (up to 100 days)',
        querystring: activityListQuery,
        response: { 200: z.object({ items: z.array(activitySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await activities.listActivities(ctx, requireActor(request), request.query),
    }),
  )
  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags: ['Activities'],
        summary: 'One activity',
        params: idParams,
        response: { 200: activitySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await activities.getActivity(ctx, requireActor(request), request.params.id)),
  )
  app.post(
    '/api/activities',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Plan an activity (optionally recurring) or log one that took place, with reminders',
        body: activityCreateBody,
        response: { 201: activitySchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const a = await activities.createActivity(ctx, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, a)
    },
  )
  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Change or reschedule an activity (one occurrence or the series from it on)',
        params: idParams,
        headers: ifMatchHeader,
        body: activityUpdateBody,
        response: { 200: activitySchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await activities.updateActivity(
          ctx,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )
  app.post(
    '/api/activities/:id/complete',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Mark a planned activity done with its outcome; optionally plan the next one',
        params: idParams,
        headers: ifMatchHeader,
        body: activityCompleteBody,
        response: { 200: activityCompletedSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const r = await activities.completeActivity(
        ctx,
        auditSource(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      )
      sendWithEtag(reply, r.activity)
      return r
    },
  )
  app.post(
    '/api/activities/:id/cancel',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Cancel a planned activity (it stays on the timeline as cancelled)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 200: activitySchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await activities.cancelActivity(
          ctx,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
        ),
      ),
  )
  app.delete(
    '/api/activities/:id',
    {
      schema: {
        tags: ['Activities'],
        summary: 'Delete an activity (or it and the rest of its series)',
        params: idParams,
        headers: ifMatchHeader,
        querystring: activityDeleteQuery,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await activities.deleteActivity(
        ctx,
        auditSource(request),
        request.params.id,
        expectedVersion(request),
        request.query.scope,
      )
      return reply.status(204).send(null)
    },
  )

  // ------------------------------------------------------------ tasks
  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['Tasks'],
        summary: 'Tasks: mine, assigned by me, my team’s; by status, overdue, client',
        querystring: taskListQuery,
        response: { 200: taskPageSchema, ...errorResponses },
      },
    },
    async (request) => tasks.listTasks(ctx, requireActor(request), request.query),
  )
  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['Tasks'],
        summary: 'One task',
        params: idParams,
        response: { 200: taskSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await tasks.getTask(ctx, requireActor(request), request.params.id)),
  )
  app.post(
    '/api/tasks',
    {
      schema: {
        tags: ['Tasks'],
        summary: 'Create a task (for me, or with `activities.assign` for a colleague), optionally recurring',
        body: taskCreateBody,
        response: { 201: taskSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const t = await tasks.createTask(ctx, auditSource(request), request.body)
      reply.status(201)
      return sendWithEtag(reply, t)
    },
  )
  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['Tasks'],
        summary:
          'Change a task: status, checklist, due time, assignee… (one occurrence or the series from it on)',
        params: idParams,
        headers: ifMatchHeader,
        body: taskUpdateBody,
        response: { 200: taskSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await tasks.updateTask(
          ctx,
          auditSource(request),
          request.params.id,
          expectedVersion(request),
          request.body,
        ),
      ),
  )
  app.delete(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['Tasks'],
        summary: 'Delete a task (or it and the rest of its series)',
        params: idParams,
        headers: ifMatchHeader,
        querystring: activityDeleteQuery,
        response: { 204: noContent, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await tasks.deleteTask(
        ctx,
        auditSource(request),
        request.params.id,
        expectedVersion(request),
        request.query.scope,
      )
      return reply.status(204).send(null)
    },
  )

  // ------------------------------------------------------------ organizer
  app.get(
    '/api/organizer/my-day',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'My day: today’s activities and tasks in my time zone, overdue ones first',
        querystring: myDayQuery,
        response: { 200: myDaySchema, ...errorResponses },
      },
    },
    async (request) => organizer.myDay(ctx, requireActor(request), request.query.date),
  )
  app.get(
    '/api/organizer/people',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Colleagues whose calendars I may open (a head: the team)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                name: z.string(),
                teamId: z.number().int().nullable(),
                isMe: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await organizer.calendarPeople(ctx, requireActor(request)) }),
  )
  app.get(
    '/api/timeline',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'A record’s timeline: upcoming activities and tasks, then what happened, newest first',
        querystring: timelineQuery,
        response: {
          200: z.object({
            upcoming: z.array(timelineEntrySchema),
            items: z.array(timelineEntrySchema),
            nextBefore: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => organizer.timeline(ctx, requireActor(request), request.query),
  )

  // ------------------------------------------------------------ my reminder defaults
  app.get(
    '/api/me/reminder-settings',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'My reminder defaults (per activity type and for tasks) and channels',
        response: { 200: reminderSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      return reminderSettingsOf(app.ctx.db, actor.userId!)
    },
  )
  app.put(
    '/api/me/reminder-settings',
    {
      schema: {
        tags: ['Organizer'],
        summary: 'Set my reminder defaults and channels',
        body: reminderSettingsSchema,
        response: { 200: reminderSettingsSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      requirePermission(actor, 'activities.read')
      const source = auditSource(request)
      await inTransaction(app.ctx.db, async ({ tx }) => {
        const before = await reminderSettingsOf(tx, actor.userId!)
        await saveReminderSettings(tx, actor.userId!, request.body)
        await recordAudit(tx, source, {
          action: 'update',
          entityType: 'reminder_settings',
          entityId: actor.userId!,
          before: { ...before },
          after: { ...request.body },
        })
      })
      return request.body
    },
  )
}
