/**
 * seldon-hpa: immutable value types for Seldon Core 2 Models and Servers autoscaled by the Kubernetes HPA,
 * built with the fluent DSL in {@link io.github.seldonhpa.SeldonHpa}.
 */
@HpaStyle
package io.github.seldonhpa;

import io.github.seldonhpa.internal.HpaStyle;
