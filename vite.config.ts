// Vite 8 config, used in two ways:
// - `vite build --mode cdn` (scripts/build.mjs): the CDN bundle
//   dist/cdn/le-systems.js — one self-contained, minified ES module with Lit
//   and every dependency inside.
// - Storybook's Vite builder loads this file too (any other mode): there it
//   must NOT turn the build into a library build, so it only pre-bundles Lit
//   (otherwise "Multiple versions of Lit loaded" in Storybook/Vitest).
import { defineConfig, type UserConfig } from 'vite';

const cdn: UserConfig = {
  build: {
    outDir: 'dist/cdn',
    // dist/ also holds tsc output and custom-elements.json: don't wipe it.
    emptyOutDir: false,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'le-systems.js',
    },
    rolldownOptions: {
      // No `external`: Lit, d3 and floating-ui are bundled in.
      output: {
        // One file, no chunks (dynamic imports are inlined).
        codeSplitting: false,
        // Vite's lib mode keeps whitespace in ES output (codegen: false) so
        // consumers' bundlers can re-minify; this file ships as-is, so minify
        // fully and drop /*#__PURE__*/ annotations.
        minify: true,
        comments: { annotation: false },
      },
    },
  },
};

const dev: UserConfig = {
  optimizeDeps: {
    include: ['lit', 'lit/decorators.js', 'lit/directive-helpers.js'],
  },
};

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdn : dev));
