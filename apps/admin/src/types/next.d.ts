// Lets `tsc` see Next's ambient types (CSS imports, etc.) even before `next typegen` writes next-env.d.ts.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
