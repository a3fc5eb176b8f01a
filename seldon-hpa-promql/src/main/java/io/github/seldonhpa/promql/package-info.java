/**
 * prometheus-adapter, reimplemented to the byte: the adapter configuration model ({@link
 * io.github.seldonhpa.promql.AdapterConfig}), the queries it builds for custom and external metrics,
 * metric naming and discovery, {@link io.github.seldonhpa.promql.AdapterConfig#explain explain} for HPA
 * Object metrics, and Seldon Core 2 rule presets ({@link io.github.seldonhpa.promql.SeldonPresets}).
 */
@HpaStyle
package io.github.seldonhpa.promql;

import io.github.seldonhpa.internal.HpaStyle;
