import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Generous: an embedded database opens and migrates in seconds, and a busy 2-core machine can take many times that.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration files each create their own databases; two workers suit the 2-core machines we run on.
    maxWorkers: 2,
  },
});
