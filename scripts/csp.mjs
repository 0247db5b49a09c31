// The Content Security Policy of the built app: nothing but this origin, no
// inline script or style, wasm allowed to compile. Written into each page as
// a <meta> tag (scripts/post-build.mjs) and into `_headers`
// (scripts/assemble.mjs).
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
