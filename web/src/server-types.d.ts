/// <reference path="../../server/src/platform/http/context.ts" />
/// <reference types="@fastify/cookie" />
