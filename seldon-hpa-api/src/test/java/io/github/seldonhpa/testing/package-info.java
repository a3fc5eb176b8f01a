/**
 * Test support shipped in the seldon-hpa-api test-jar: {@link io.github.seldonhpa.testing.Generators}
 * (QuickTheories generators of valid values) and {@link io.github.seldonhpa.testing.SharedFiles} (the
 * shared vectors and schemas, skipped when absent).
 */
package io.github.seldonhpa.testing;
