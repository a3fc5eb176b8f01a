package io.github.seldonhpa.promql;

import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;

/** {@code LabelForResource}: the series label naming a resource in queries. */
interface LabelSource {
  /** The label, or an {@link io.github.seldonhpa.HpaValidationException} with the adapter's text. */
  String labelFor(GroupResourceKey resource);
}
