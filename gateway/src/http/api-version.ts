/**
 * Semantic version of the HTTP API (ADR /core/version-header), separate from the suite's version:
 * it changes only when the API contract changes. Its major is the `v1` in {@link API_PREFIX}.
 */
export const API_VERSION = '1.0.0';

/** Base path of the API (ADR /core/uri-version); everything but the probes lives under it. */
export const API_PREFIX = '/api/v1';

/** Probes for orchestrators stay outside the versioned API. */
export const PROBE_PATHS = ['/health/live', '/health/ready'] as const;
