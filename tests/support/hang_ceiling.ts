/**
 * The wall-clock ceiling of tests that guard against hangs (work that is
 * quadratic or not bounded by gas). It catches a hang, not slowness: a
 * bounded run takes well under a second, a hang takes minutes. It is
 * generous so that a loaded 2-core machine never trips it; timings belong
 * in bench/ (bench:hostile reports ns per gas).
 */

/** Milliseconds a bounded operation may take before a test calls it a hang. */
export const HANG_CEILING_MS = 30_000;

/** The ceiling as text for test names and messages. */
export const HANG_CEILING_TEXT = `${HANG_CEILING_MS / 1000} s`;
