/**
 * seldon-hpa's value types, the {@code SeldonHpa} DSL, validation, the HPA controller arithmetic and the
 * simulator. No runtime dependencies: Immutables is needed only to compile.
 */
module io.github.seldonhpa {
  requires static org.immutables.value.annotations;

  exports io.github.seldonhpa;
  exports io.github.seldonhpa.scaling;
  // the validation helpers and Immutables style of the other seldon-hpa modules; not API
  exports io.github.seldonhpa.internal to io.github.seldonhpa.promql, io.github.seldonhpa.k8s;
}
