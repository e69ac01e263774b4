/**
 * Flags for Debian's headless Chromium, shared by the e2e harness and the benchmarks
 * (../shared/REFERENCE.md section 2). The background-networking ones stop Chromium from calling
 * home, which this closed network refuses and which the off-origin request guard would flag.
 */
export const CHROMIUM_ARGS: string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
