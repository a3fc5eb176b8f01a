/**
 * prometheus-adapter's configuration model and query building, Go template semantics, naming, discovery,
 * explain and the Seldon metric presets.
 */
@SuppressWarnings("requires-automatic")
module io.github.seldonhpa.promql {
  requires transitive io.github.seldonhpa;
  // re2j 1.8 declares no module name: the name the JDK derives from re2j-1.8.jar
  requires re2j;
  requires static org.immutables.value.annotations;

  exports io.github.seldonhpa.promql;
}
