import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireActor } from '../../platform/auth/auth.plugin.ts'
import { auditSource, errorResponses, writeErrorResponses } from '../../platform/http/request.ts'
import { mailSettingsBody, mailSettingsSchema, mailTestResultSchema } from './mail-settings.schemas.ts'
import { getMailSettings, sendTestMail, updateMailSettings } from './mail-settings.service.ts'

/** Administration → E-mail (SMTP): the settings outgoing mail is sent with, and a test message. */
export const mailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx

  app.get(
    '/api/settings/mail',
    {
      schema: {
        tags: ['Settings'],
        summary:
          'The SMTP settings (the password only as "is one saved"), and which settings mail goes out with: these or the environment’s',
        response: { 200: mailSettingsSchema, ...errorResponses },
      },
    },
    async () => getMailSettings(db, config),
  )

  app.put(
    '/api/settings/mail',
    {
      schema: {
        tags: ['Settings'],
        summary:
          'Save the SMTP settings (audited). The password is write-only: leave it out to keep the saved one. CRM_SMTP_URL, when set, still wins',
        body: mailSettingsBody,
        response: { 200: mailSettingsSchema, ...writeErrorResponses },
      },
    },
    async (request) => updateMailSettings(db, config, auditSource(request), request.body),
  )

  app.post(
    '/api/settings/mail/test',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['Settings'],
        summary:
          'Send a test message to my own e-mail now, with the settings mail goes out with; an SMTP failure is a 400 with the server’s words as a field error',
        response: { 200: mailTestResultSchema, ...errorResponses },
      },
    },
    async (request) => sendTestMail(db, config, requireActor(request)),
  )
}
