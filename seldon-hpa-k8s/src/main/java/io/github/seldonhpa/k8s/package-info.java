/**
 * seldon-hpa for Kubernetes: fabric8 objects and YAML for seldon-hpa plans, and
 * {@link io.github.seldonhpa.k8s.PrometheusClient} to check the rendered queries against a real Prometheus.
 */
@HpaStyle
package io.github.seldonhpa.k8s;

import io.github.seldonhpa.internal.HpaStyle;
