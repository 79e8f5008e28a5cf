import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The demo builds from the packages' TypeScript sources.
  resolve: { conditions: ['@purse/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The demo is served as a public page: no source maps built, so none can be served.
    sourcemap: false,
    rolldownOptions: {
      // <TopUp> loads the transfer tracker lazily, which pays off in apps that show only the
      // form. The demo also shows <TopUpHistory>, which needs the tracker up front, so the
      // bundler rightly keeps it in the main chunk: expected here, not worth a warning at start.
      checks: { ineffectiveDynamicImport: false },
    },
  },
});
