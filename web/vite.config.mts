// The officers' console: built by Vite into web/dist, served by the API process at /console.
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  // Vite 8 transforms JSX with oxc: no React plugin needed (no fast refresh, which we do not use).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The polyfill would be an inline script: the CSP allows none.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Three pages, one bundle of shared code: the console, the public pages (served at / by api/public-pages.ts)
    // and the directory the Métropole's website frames (/embed/annuaire, api/site).
    rollupOptions: {
      input: { index: path.join(import.meta.dirname, 'index.html'), public: path.join(import.meta.dirname, 'public.html'), embed: path.join(import.meta.dirname, 'embed.html') },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
