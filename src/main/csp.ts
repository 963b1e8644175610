/**
 * The renderer's Content-Security-Policy. index.html carries the same policy in a meta tag (a test
 * keeps the two equal); the header form also covers responses the meta tag cannot, and adds
 * `frame-ancestors`, which browsers ignore in meta tags.
 * naive-ui injects <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
] as const

/** The policy as written in index.html's meta tag. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/** The header form: the meta policy plus `frame-ancestors`, which Chromium rejects (and logs) in a meta tag. */
export const CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')
