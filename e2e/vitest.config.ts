import { defineConfig } from 'vitest/config'

// Browser tests: each file starts the real server on a free port with a fresh database and drives
// Debian's Chromium through playwright-core. Files run one after another (2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
