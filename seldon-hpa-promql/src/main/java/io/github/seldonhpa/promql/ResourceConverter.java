package io.github.seldonhpa.promql;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.promql.internal.go.GoEngine;
import io.github.seldonhpa.promql.internal.go.GoQuote;
import io.github.seldonhpa.promql.internal.go.GoRegexp;
import io.github.seldonhpa.promql.internal.go.GoTemplate;
import io.github.seldonhpa.promql.ResourceTable.GroupResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * prometheus-adapter's {@code naming.resourceConverter}: series labels to group-resources (discovery) and
 * group-resources to labels (queries), through a rule's overrides and label template. Errors carry the
 * adapter's own text.
 */
final class ResourceConverter implements LabelSource {
  /** The labels a series associates with, and whether the metric is namespaced. */
  record Association(List<GroupResourceKey> resources, boolean namespaced) {}

  private final ResourceTable table;
  private final Map<String, GroupResourceKey> labelToResource = new LinkedHashMap<>();
  private final Map<GroupResourceKey, String> resourceToLabel = new HashMap<>();
  private final GoTemplate template;
  private final GoRegexp extractor;
  private final int groupIndex;
  private final int resourceIndex;

  private ResourceConverter(ResourceTable table, GoTemplate template, GoRegexp extractor, int groupIndex,
      int resourceIndex) {
    this.table = table;
    this.template = template;
    this.extractor = extractor;
    this.groupIndex = groupIndex;
    this.resourceIndex = resourceIndex;
  }

  /**
   * {@code NewResourceConverter}: parses the template, derives its reverse regexp and normalises the
   * overrides.
   *
   * @throws HpaValidationException with the adapter's load-time error text
   */
  static ResourceConverter of(ResourceMapping mapping, ResourceTable table) {
    GoTemplate template = null;
    GoRegexp extractor = null;
    int groupIndex = -1;
    int resourceIndex = -1;
    String text = mapping.template().orElse("");
    if (!text.isEmpty()) {
      try {
        template = GoTemplate.parse("resource-label", text);
      } catch (HpaValidationException e) {
        throw new HpaValidationException(
            "unable to parse label template " + GoQuote.quote(text) + ": " + e.getMessage());
      }
      String prefix = "unable to generate label format from template " + GoQuote.quote(text) + ": ";
      String pattern;
      try {
        pattern = template.execute(groupResource("(?P<group>.+?)", "(?P<resource>.+?)"));
      } catch (HpaValidationException e) {
        throw new HpaValidationException(prefix + "unable to convert label template to matcher: " + e.getMessage());
      }
      if (pattern.isEmpty()) {
        throw new HpaValidationException(prefix + "unable to convert label template to matcher: empty template");
      }
      try {
        extractor = GoRegexp.compile("^" + pattern + "$");
      } catch (HpaValidationException e) {
        throw new HpaValidationException(prefix + "unable to convert label template to matcher: " + e.getMessage());
      }
      List<String> names = GoEngine.subexpNames(extractor);
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equals("group")) {
          groupIndex = i;
        } else if (names.get(i).equals("resource")) {
          resourceIndex = i;
        }
      }
      if (resourceIndex < 0) {
        throw new HpaValidationException(prefix + "must include at least `{{.Resource}}` in the label template");
      }
    }
    ResourceConverter converter = new ResourceConverter(table, template, extractor, groupIndex, resourceIndex);
    for (Map.Entry<String, GroupResource> e : mapping.overrides().entrySet()) {
      GroupResource gr = e.getValue();
      GroupResourceKey key = table.normalize(gr.group(), gr.resource()).orElseThrow(() ->
          new HpaValidationException("unable to normalize group-resource {" + gr.group() + " " + gr.resource()
              + "}: no matches for " + gr.group() + "/, Resource=" + gr.resource()));
      converter.labelToResource.put(e.getKey(), key);
      converter.resourceToLabel.put(key, e.getKey());
    }
    return converter;
  }

  /** The template data: a {@code schema.GroupResource}. */
  static Object groupResource(String group, String resource) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Group", group);
    fields.put("Resource", resource);
    return GoTemplate.struct("schema.GroupResource", fields);
  }

  /**
   * {@code LabelForResource}: the override's label, else the template's output for the sanitised group
   * and the singular resource.
   *
   * @throws HpaValidationException {@code unable to convert resource <gr> into label: ...}
   */
  @Override
  public String labelFor(GroupResourceKey resource) {
    String label = resourceToLabel.get(resource);
    if (label != null) {
      return label;
    }
    return makeLabel(resource);
  }

  private String makeLabel(GroupResourceKey resource) {
    String prefix = "unable to convert resource " + resource + " into label: ";
    if (template == null) {
      throw new HpaValidationException(prefix + "no generic resource label form specified for this metric");
    }
    String singular = table.singular(resource.resource()).orElseThrow(() -> new HpaValidationException(
        prefix + "unable to singularize resource " + resource + ": no matches for /, Resource=" + resource.resource()));
    String group = resource.group().replace('.', '_').replace('-', '_');
    String label;
    try {
      label = template.execute(groupResource(group, singular));
    } catch (HpaValidationException e) {
      throw new HpaValidationException(prefix + e.getMessage());
    }
    if (label.isEmpty()) {
      throw new HpaValidationException(prefix + "empty label produced by label template");
    }
    return label;
  }

  /**
   * {@code ResourcesForSeries}: the group-resources of the series' labels (overrides first, else the
   * template's reverse regexp normalised by the table; labels that do not normalise are skipped) and the
   * adapter's namespaced flag.
   */
  Association resourcesFor(Iterable<String> labels) {
    List<GroupResourceKey> resources = new ArrayList<>();
    boolean namespaced = false;
    for (String label : labels) {
      GroupResourceKey key = labelToResource.get(label);
      if (key == null && extractor != null) {
        List<String> groups = GoEngine.findSubmatch(extractor, label);
        if (groups != null) {
          String group = groupIndex >= 0 ? groups.get(groupIndex) : "";
          Optional<GroupResourceKey> normalized = table.normalize(group, groups.get(resourceIndex));
          if (normalized.isEmpty()) {
            // the adapter skips such labels entirely, even for the namespaced flag
            continue;
          }
          key = normalized.get();
        }
      }
      if (key != null) {
        resources.add(key);
      }
      // an unmapped label counts too: its group-resource is the zero value, not a root-scoped one
      if (key == null || !key.rootScoped()) {
        namespaced = true;
      }
    }
    return new Association(resources, namespaced);
  }

}
