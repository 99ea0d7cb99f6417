/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into dist/; Api's MSBuild target runs this build and copies dist/ into the service's output as authoring/,
// served at /authoring.
export default defineConfig({
  base: '/authoring/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is one large chunk by nature; it loads only when the JSON view opens.
    chunkSizeWarningLimit: 4096,
  },
  server: {
    // `npm run dev` talks to a service started with `dotnet run --project Api`.
    proxy: { '/v1': 'http://127.0.0.1:5080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    css: false,
  },
});
