// The Content Security Policy of the built app: nothing but this origin, no
// inline script or style, wasm allowed to compile. Everything is denied by
// default ('none') and each kind of resource the app loads is allowed by
// its own directive. Written into each page as
// a <meta> tag (scripts/post-build.mjs) and into `_headers`
// (scripts/assemble.mjs).
export const CSP = [
  "default-src 'none'",
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

// Browser features the app never uses, switched off for it and anything it
// might embed.
export const PERMISSIONS = [
  'camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()',
  'serial=()', 'bluetooth=()', 'display-capture=()',
].join(', ');
