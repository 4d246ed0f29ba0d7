import type { NextConfig } from "next";

// `/api/*` is forwarded to the API by src/proxy.ts rather than `rewrites()`: Next freezes rewrites into
// routes-manifest.json at build time, and one build must run against any API_URL.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type errors are caught by `npm run typecheck` (tsc over the AppRouter type graph); skipping them here keeps
  // builds fast and independent of the API's sources.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // The proxy buffers request bodies up to this size; uploads must pass through whole (the API enforces
    // UPLOAD_MAX_BYTES per file).
    proxyClientMaxBodySize: "200mb",
  },
};

export default nextConfig;
