/**
 * seldon-hpa for Kubernetes: {@link io.github.seldonhpa.k8s.Manifests} renders plans as fabric8 objects and
 * deterministic YAML, {@link io.github.seldonhpa.k8s.ManifestReader} reads existing manifests losslessly,
 * {@link io.github.seldonhpa.k8s.Lint} reports their Seldon, HPA and adapter pitfalls, and
 * {@link io.github.seldonhpa.k8s.PrometheusClient} checks the rendered queries against a real Prometheus.
 */
@HpaStyle
package io.github.seldonhpa.k8s;

import io.github.seldonhpa.internal.HpaStyle;
