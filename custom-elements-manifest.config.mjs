// Custom Elements Manifest: generated from the JSDoc in src/ (@fires, @csspart, @cssproperty).
// packagejson: false — the analyzer would otherwise rewrite package.json's "customElements" to
// whichever outdir ran last (the Storybook copy at the root, or dist/).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  packagejson: false,
};
