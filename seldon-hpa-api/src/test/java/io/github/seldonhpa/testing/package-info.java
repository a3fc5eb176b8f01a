/**
 * Test support shipped in the seldon-hpa-api test-jar: {@link io.github.seldonhpa.testing.Generators}
 * (QuickTheories generators of valid values), {@link io.github.seldonhpa.testing.SharedFiles} (the
 * shared vectors and schemas, skipped when absent) and {@link io.github.seldonhpa.testing.PublicBuilders}
 * (every builder method declared on a public builder).
 */
package io.github.seldonhpa.testing;
