import { defineConfig } from 'vite';

// Built by Maven (exec-maven-plugin, generate-resources) straight into the classpath's static/ folder, so Spring
// Boot serves the client from the application jar: no CDN, no separate web server.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a locally running Clipfeed (./run.sh) on :8080
    proxy: { '/api': 'http://localhost:8080', '/media': 'http://localhost:8080' },
  },
});
