/** Module rules for the server: checked by `npm test` (lint step). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'modules-only-through-index',
      comment: 'A module reaches another only through its index.ts',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/([^/]+)/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'platform-does-not-use-modules',
      comment: 'The platform is below the modules (bootstrap is the one place that wires them)',
      severity: 'error',
      from: { path: '^server/src/platform/', pathNot: '^server/src/platform/bootstrap\\.ts$' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'migrations-are-frozen',
      comment: 'Migrations import nothing from the application',
      severity: 'error',
      from: { path: '^server/src/platform/db/migrations/' },
      to: { path: '^server/src/', pathNot: '^server/src/platform/db/migrations/' },
    },
    {
      name: 'web-takes-only-types-from-server',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^server/', pathNot: '^server/src/api-types\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
}
