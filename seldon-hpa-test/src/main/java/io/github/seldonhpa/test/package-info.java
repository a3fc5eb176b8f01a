/**
 * seldon-hpa for users' tests (a test-scope dependency): {@link io.github.seldonhpa.test.PrometheusExtension}
 * runs a real Prometheus for a JUnit 5 test class with the Seldon Core 2 series that
 * {@link io.github.seldonhpa.test.SeldonTraffic} and {@link io.github.seldonhpa.test.AgentSeries} declare
 * backfilled into it, and {@link io.github.seldonhpa.test.SeldonHpaAssertions} asserts, AssertJ style, on plans,
 * manifests, adapter configs, queries, replica decisions, simulations and lint findings.
 */
package io.github.seldonhpa.test;
