package io.github.seldonhpa;

import java.util.Map;

/**
 * The {@code metadata.labels} and {@code metadata.annotations} setters that the builders of every rendered
 * object share: {@link ScalingPlan.Builder} (labels of every object the plan renders), {@link Model.Builder},
 * {@link Server.Builder}, {@link Hpa.Builder} and {@link ScaledObject.Builder}.
 *
 * <p>Both maps keep insertion order, which is the order of the rendered YAML; putting a key again replaces its
 * value and keeps its place. A null key or value throws {@link NullPointerException} at once; the syntax is
 * checked by {@code build()}, which throws {@link HpaValidationException} for a label key that is not an
 * optional DNS-1123 subdomain prefix and {@code '/'} followed by at most 63 letters, digits, {@code '-'},
 * {@code '_'} or {@code '.'} starting and ending alphanumeric, for a label value that is neither empty nor such
 * a name, and for an annotation key of the same syntax as a label key. Annotation values are free text.
 *
 * @param <B> the builder, which every method returns so that calls chain
 */
public interface MetadataBuilder<B extends MetadataBuilder<B>> {

  /**
   * Puts one label.
   *
   * @param key the label key, for example {@code app.kubernetes.io/part-of}
   * @param value the label value, for example {@code fraud}; may be empty
   * @return this builder
   * @throws NullPointerException if {@code key} or {@code value} is null
   */
  B putLabel(String key, String value);

  /**
   * Puts one label.
   *
   * @param label the label's key and value, as {@link Map#entry(Object, Object)} gives them
   * @return this builder
   * @throws NullPointerException if the key or the value is null
   */
  B putLabel(Map.Entry<String, ? extends String> label);

  /**
   * Replaces all labels.
   *
   * @param labels the new labels, in the order their iteration gives; empty removes all labels
   * @return this builder
   * @throws NullPointerException if a key or a value is null
   */
  B labels(Map<String, ? extends String> labels);

  /**
   * Puts every entry of {@code labels}, keeping the labels already set that it does not name.
   *
   * @param labels the labels to add or replace, in the order their iteration gives
   * @return this builder
   * @throws NullPointerException if a key or a value is null
   */
  B putAllLabels(Map<String, ? extends String> labels);

  /**
   * Puts one annotation.
   *
   * @param key the annotation key, of the label-key syntax, for example {@code argocd.argoproj.io/sync-wave}
   * @param value the annotation value: free text, may be empty
   * @return this builder
   * @throws NullPointerException if {@code key} or {@code value} is null
   */
  B putAnnotation(String key, String value);

  /**
   * Puts one annotation.
   *
   * @param annotation the annotation's key and value, as {@link Map#entry(Object, Object)} gives them
   * @return this builder
   * @throws NullPointerException if the key or the value is null
   */
  B putAnnotation(Map.Entry<String, ? extends String> annotation);

  /**
   * Replaces all annotations.
   *
   * @param annotations the new annotations, in the order their iteration gives; empty removes all annotations
   * @return this builder
   * @throws NullPointerException if a key or a value is null
   */
  B annotations(Map<String, ? extends String> annotations);

  /**
   * Puts every entry of {@code annotations}, keeping the annotations already set that it does not name.
   *
   * @param annotations the annotations to add or replace, in the order their iteration gives
   * @return this builder
   * @throws NullPointerException if a key or a value is null
   */
  B putAllAnnotations(Map<String, ? extends String> annotations);
}
