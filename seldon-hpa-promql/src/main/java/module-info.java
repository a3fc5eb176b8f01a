/**
 * prometheus-adapter's configuration model and query building, Go template semantics, naming, discovery,
 * explain and the Seldon metric presets.
 */
module io.github.seldonhpa.promql {
  requires transitive io.github.seldonhpa;
  requires static org.immutables.value.annotations;

  exports io.github.seldonhpa.promql;
}
