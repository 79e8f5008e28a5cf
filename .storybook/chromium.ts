/**
 * How the story tests launch a browser: the system Chromium (Debian's, no downloaded build) with
 * the flags a machine without network access needs, so Chromium does not keep dialling out
 * (updates, sync, QUIC probes) while the tests run.
 */
export const CHROMIUM_EXECUTABLE = process.env.PURSE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
