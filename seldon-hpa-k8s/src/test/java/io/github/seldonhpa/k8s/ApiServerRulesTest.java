package io.github.seldonhpa.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the API server's HPA validation, on an HPA of a Deployment (lint checks any HPA): the value
 * just inside gives no finding, the value just outside gives exactly one, with its code, path and message.
 */
class ApiServerRulesTest {
  static final String BASE = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: web
        namespace: shop
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: web
        minReplicas: 1
        maxReplicas: 5
        metrics:
        - type: Object
          object:
            metric:
              name: requests
            describedObject:
              apiVersion: networking.k8s.io/v1
              kind: Ingress
              name: main
            target:
              type: AverageValue
              averageValue: 3
        behavior:
          scaleUp:
            stabilizationWindowSeconds: 0
            selectPolicy: Max
            tolerance: 0.1
            policies:
            - type: Pods
              value: 4
              periodSeconds: 60
      """;

  /** The metric block of {@link #BASE}, to swap for other kinds of metric. */
  static final String OBJECT_METRIC = BASE.substring(BASE.indexOf("  - type: Object"), BASE.indexOf("  behavior:"));

  static String with(String from, String to) {
    assertThat(BASE).contains(from);
    return BASE.replace(from, to);
  }

  static String metric(String yaml) {
    return with(OBJECT_METRIC, yaml);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("metadata.name DNS-1123", with("name: web\n  namespace", "name: bad-name.v1\n  namespace"),
            with("name: web\n  namespace", "name: Bad_Name\n  namespace"), "SHPA032 metadata.name: metadata.name must"
            + " be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or"
            + " digit, at most 253 characters (was \"Bad_Name\")"),
        rule("metadata.namespace DNS-1123 label", with("namespace: shop", "namespace: shop-1"),
            with("namespace: shop", "namespace: shop.eu"), "SHPA032 metadata.namespace: metadata.namespace must be a"
            + " DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at"
            + " most 63 characters (was \"shop.eu\")"),
        rule("minReplicas >= 1", BASE, with("minReplicas: 1", "minReplicas: 0"),
            "SHPA024 spec.minReplicas: spec.minReplicas must be >= 1: 0 needs the HPAScaleToZero feature gate (alpha,"
            + " off by default) and an Object or External metric; KEDA scales to zero without it (was 0)"),
        rule("maxReplicas >= 1", with("  minReplicas: 1\n  maxReplicas: 5", "  maxReplicas: 1"),
            with("  minReplicas: 1\n  maxReplicas: 5", "  maxReplicas: 0"),
            "SHPA024 spec.maxReplicas: spec.maxReplicas must be >= 1 (was 0)"),
        rule("maxReplicas >= minReplicas", with("minReplicas: 1", "minReplicas: 5"), with("minReplicas: 1",
            "minReplicas: 6"), "SHPA024 spec.maxReplicas: spec.maxReplicas must be >= minReplicas (was maxReplicas=5,"
            + " minReplicas=6)"),
        rule("maxReplicas required", BASE, with("  maxReplicas: 5\n", ""),
            "SHPA024 spec.maxReplicas: spec.maxReplicas must be set (was unset)"),
        rule("maxReplicas an integer", BASE, with("maxReplicas: 5", "maxReplicas: \"5\""),
            "SHPA029 spec.maxReplicas: spec.maxReplicas must be an integer (was \"5\")"),
        rule("scaleTargetRef.kind required", BASE, with("    kind: Deployment\n", ""),
            "SHPA032 spec.scaleTargetRef.kind: spec.scaleTargetRef.kind must be set (was unset)"),
        rule("scaleTargetRef.name a path segment", with("    name: web\n  minReplicas", "    name: web.1\n  minReplicas"),
            with("    name: web\n  minReplicas", "    name: web/1\n  minReplicas"),
            "SHPA032 spec.scaleTargetRef.name: spec.scaleTargetRef.name must be a valid path segment: not empty, not"
            + " . or .., without / or % (was \"web/1\")"),
        rule("unknown spec field", BASE, with("  minReplicas: 1\n", "  minReplicas: 1\n  minReplica: 1\n"),
            "SHPA032 spec.minReplica: spec.minReplica is not a field of autoscaling/v2 HorizontalPodAutoscaler spec"
            + " (was 1)"),
        rule("unknown field of a target", BASE, with("averageValue: 3", "averageValu: 3"),
            "SHPA032 spec.metrics[0].object.target.averageValu: spec.metrics[0].object.target.averageValu is not a"
            + " field of MetricTarget (was 3)",
            "SHPA032 spec.metrics[0].object.target.averageValue: spec.metrics[0].object.target.averageValue must be"
            + " set (or target.value) (was unset)"),
        rule("unknown field of a policy", BASE, with("periodSeconds: 60", "periodSeconds: 60\n        period: 60"),
            "SHPA032 spec.behavior.scaleUp.policies[0].period: spec.behavior.scaleUp.policies[0].period is not a field"
            + " of HPAScalingPolicy (was 60)"),
        rule("metric type spelling", BASE, with("- type: Object", "- type: object"),
            "SHPA032 spec.metrics[0].type: spec.metrics[0].type must be Object, Pods, Resource, ContainerResource or"
            + " External (was \"object\")"),
        rule("metric type required", BASE, with("  - type: Object\n    object:", "  - object:"),
            "SHPA032 spec.metrics[0].type: spec.metrics[0].type must be set (was unset)"),
        rule("metric source of the type", BASE, with("- type: Object", "- type: Pods"),
            "SHPA032 spec.metrics[0].object: spec.metrics[0].object must not be set: a metric has only the source its"
            + " type names (was set with type Pods)",
            "SHPA032 spec.metrics[0].pods: spec.metrics[0].pods must be set for the metric's type (was unset for type"
            + " Pods)"),
        rule("target type spelling", BASE, with("type: AverageValue", "type: Valu"),
            "SHPA032 spec.metrics[0].object.target.type: spec.metrics[0].object.target.type must be Utilization,"
            + " Value or AverageValue (was \"Valu\")"),
        rule("target type required", BASE, with("        type: AverageValue\n", ""),
            "SHPA032 spec.metrics[0].object.target.type: spec.metrics[0].object.target.type must be set (was unset)"),
        rule("quantity syntax", with("averageValue: 3", "averageValue: 1.5k"), with("averageValue: 3",
            "averageValue: 3x"), "SHPA032 spec.metrics[0].object.target.averageValue:"
            + " spec.metrics[0].object.target.averageValue must be a quantity such as 3, 500m or 1.5k (was \"3x\")"),
        rule("quantity positive", with("averageValue: 3", "averageValue: 1m"), with("averageValue: 3",
            "averageValue: \"0\""), "SHPA032 spec.metrics[0].object.target.averageValue:"
            + " spec.metrics[0].object.target.averageValue must be > 0 (was \"0\")"),
        rule("Object target value or averageValue", with("type: AverageValue\n        averageValue: 3",
            "type: Value\n        value: 3"), with("        averageValue: 3\n", ""),
            "SHPA032 spec.metrics[0].object.target.averageValue: spec.metrics[0].object.target.averageValue must be"
            + " set (or target.value) (was unset)"),
        rule("Object describedObject required", BASE, with("""
                  describedObject:
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    name: main
            """, ""), "SHPA032 spec.metrics[0].object.describedObject.kind:"
            + " spec.metrics[0].object.describedObject.kind must be set (was unset)",
            "SHPA032 spec.metrics[0].object.describedObject.name: spec.metrics[0].object.describedObject.name must be"
            + " set (was unset)"),
        rule("metric name required", BASE, with("        name: requests\n", "        selector: {}\n"),
            "SHPA032 spec.metrics[0].object.metric.name: spec.metrics[0].object.metric.name must be set (was unset)"),
        rule("selector fields", selector("{matchLabels: {app: web}}"), selector("{matchLabel: {app: web}}"),
            "SHPA032 spec.metrics[0].object.metric.selector.matchLabel:"
            + " spec.metrics[0].object.metric.selector.matchLabel is not a field of LabelSelector (was"
            + " {\"app\":\"web\"})"),
        rule("selector label values strings", selector("{matchLabels: {version: \"1\"}}"),
            selector("{matchLabels: {version: 1}}"), "SHPA029 spec.metrics[0].object.metric.selector.matchLabels.version:"
            + " spec.metrics[0].object.metric.selector.matchLabels.version must be a string (was 1)"),
        rule("selector requirement fields", selector("{matchExpressions: [{key: app, operator: In, values: [web]}]}"),
            selector("{matchExpressions: [{key: app, operator: In, value: [web]}]}"),
            "SHPA032 spec.metrics[0].object.metric.selector.matchExpressions[0].value:"
            + " spec.metrics[0].object.metric.selector.matchExpressions[0].value is not a field of"
            + " LabelSelectorRequirement (was [\"web\"])"),
        rule("selector requirement values strings",
            selector("{matchExpressions: [{key: canary, operator: In, values: [\"true\"]}]}"),
            selector("{matchExpressions: [{key: canary, operator: In, values: [true]}]}"),
            "SHPA029 spec.metrics[0].object.metric.selector.matchExpressions[0].values[0]:"
            + " spec.metrics[0].object.metric.selector.matchExpressions[0].values[0] must be a string (was true)"),
        rule("selector expressions a sequence", selector("{matchExpressions: []}"),
            selector("{matchExpressions: {key: app, operator: Exists}}"),
            "SHPA029 spec.metrics[0].object.metric.selector.matchExpressions:"
            + " spec.metrics[0].object.metric.selector.matchExpressions must be a sequence (was a mapping)"),
        rule("Pods averageValue required", metric("""
              - type: Pods
                pods:
                  metric: {name: rps}
                  target: {type: Value, averageValue: 10}
            """), metric("""
              - type: Pods
                pods:
                  metric: {name: rps}
                  target: {type: Value, value: 10}
            """), "SHPA032 spec.metrics[0].pods.target.averageValue: spec.metrics[0].pods.target.averageValue must be"
            + " set (was unset)"),
        rule("External value and averageValue", metric("""
              - type: External
                external:
                  metric: {name: queue_depth}
                  target: {type: Value, value: 30}
            """), metric("""
              - type: External
                external:
                  metric: {name: queue_depth}
                  target: {type: Value, value: 30, averageValue: 5}
            """), "SHPA032 spec.metrics[0].external.target.value: spec.metrics[0].external.target.value must not be set"
            + " together with target.averageValue (was 30)"),
        rule("Resource name and one target", metric("""
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 1}}
            """), metric("""
              - type: Resource
                resource: {target: {type: Utilization, averageUtilization: 0}}
            """), "SHPA032 spec.metrics[0].resource.name: spec.metrics[0].resource.name must be set (was unset)",
            "SHPA032 spec.metrics[0].resource.target.averageUtilization:"
            + " spec.metrics[0].resource.target.averageUtilization must be > 0 (was 0)"),
        rule("Resource utilization or averageValue", BASE, metric("""
              - type: Resource
                resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi, averageUtilization: 80}}
            """), "SHPA032 spec.metrics[0].resource.target.averageValue: spec.metrics[0].resource.target.averageValue"
            + " must not be set together with target.averageUtilization (was \"1Gi\")"),
        rule("ContainerResource container", metric("""
              - type: ContainerResource
                containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}
            """), metric("""
              - type: ContainerResource
                containerResource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
            """), "SHPA032 spec.metrics[0].containerResource.container: spec.metrics[0].containerResource.container"
            + " must be set (was unset)"),
        rule("stabilizationWindowSeconds <= 3600", with("stabilizationWindowSeconds: 0",
            "stabilizationWindowSeconds: 3600"), with("stabilizationWindowSeconds: 0", "stabilizationWindowSeconds: 3601"),
            "SHPA023 spec.behavior.scaleUp.stabilizationWindowSeconds: spec.behavior.scaleUp.stabilizationWindowSeconds"
            + " must be in 0..3600 (was 3601)"),
        rule("stabilizationWindowSeconds >= 0", BASE, with("stabilizationWindowSeconds: 0",
            "stabilizationWindowSeconds: -1"), "SHPA023 spec.behavior.scaleUp.stabilizationWindowSeconds:"
            + " spec.behavior.scaleUp.stabilizationWindowSeconds must be in 0..3600 (was -1)"),
        rule("selectPolicy spelling", with("selectPolicy: Max", "selectPolicy: Disabled"), with("selectPolicy: Max",
            "selectPolicy: max"), "SHPA023 spec.behavior.scaleUp.selectPolicy: spec.behavior.scaleUp.selectPolicy must"
            + " be Max, Min or Disabled (was \"max\")"),
        rule("policies not empty", with("""
                  policies:
                  - type: Pods
                    value: 4
                    periodSeconds: 60
            """, ""), with("""
                  policies:
                  - type: Pods
                    value: 4
                    periodSeconds: 60
            """, "      policies: []\n"), "SHPA023 spec.behavior.scaleUp.policies: spec.behavior.scaleUp.policies must"
            + " list at least one policy (was [])"),
        rule("policy type", with("- type: Pods\n        value", "- type: Percent\n        value"),
            with("- type: Pods\n        value", "- type: Pod\n        value"), "SHPA023"
            + " spec.behavior.scaleUp.policies[0].type: spec.behavior.scaleUp.policies[0].type must be Pods or Percent"
            + " (was \"Pod\")"),
        rule("policy value > 0", with("value: 4", "value: 1"), with("value: 4", "value: 0"), "SHPA023"
            + " spec.behavior.scaleUp.policies[0].value: spec.behavior.scaleUp.policies[0].value must be > 0 (was 0)"),
        rule("periodSeconds <= 1800", with("periodSeconds: 60", "periodSeconds: 1800"), with("periodSeconds: 60",
            "periodSeconds: 1801"), "SHPA023 spec.behavior.scaleUp.policies[0].periodSeconds:"
            + " spec.behavior.scaleUp.policies[0].periodSeconds must be in 1..1800 (was 1801)"),
        rule("periodSeconds >= 1", with("periodSeconds: 60", "periodSeconds: 1"), with("periodSeconds: 60",
            "periodSeconds: 0"), "SHPA023 spec.behavior.scaleUp.policies[0].periodSeconds:"
            + " spec.behavior.scaleUp.policies[0].periodSeconds must be in 1..1800 (was 0)"),
        rule("tolerance >= 0", with("tolerance: 0.1", "tolerance: 0"), with("tolerance: 0.1", "tolerance: -0.1"),
            "SHPA023 spec.behavior.scaleUp.tolerance: spec.behavior.scaleUp.tolerance must be >= 0 (was -0.1)"));
  }

  /** {@link #BASE} with the Object metric's {@code selector}. */
  static String selector(String yaml) {
    return with("        name: requests\n", "        name: requests\n        selector: " + yaml + "\n");
  }

  static Arguments rule(String name, String inside, String outside, String... findings) {
    return Arguments.of(name, inside, outside, List.of(findings));
  }

  private static List<String> lint(String yaml) {
    return Lint.check(ManifestReader.create().read("hpa.yaml", yaml), LintFacts.defaults()).stream()
        .map(f -> f.code().id() + " " + f.path() + ": " + f.message()).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void justInsideIsAcceptedJustOutsideIsTheFinding(String name, String inside, String outside, List<String> want) {
    assertThat(lint(inside)).as("inside").isEmpty();
    assertThat(lint(outside)).as("outside").containsExactlyElementsOf(want);
  }

  @Test
  void theBaseIsValid() {
    assertThat(ApiServerValidation.validate(ManifestReader.create().read("hpa.yaml", BASE).get(0), Set.of()))
        .isEmpty();
  }

  @Test
  void scaleToZeroNeedsTheGateAndAnObjectOrExternalMetric() {
    Manifest zero = ManifestReader.create().read("hpa.yaml", metric("""
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
        """).replace("minReplicas: 1", "minReplicas: 0")).get(0);
    assertThat(ApiServerValidation.validate(zero, Set.of(ApiServerValidation.HPA_SCALE_TO_ZERO)))
        .extracting(ApiServerValidation.Violation::message)
        .containsExactly("spec.metrics must list an Object or External metric when minReplicas is 0 (was 1 metrics)");
    Manifest objectZero = ManifestReader.create().read("hpa.yaml", with("minReplicas: 1", "minReplicas: 0")).get(0);
    assertThat(ApiServerValidation.validate(objectZero, Set.of(ApiServerValidation.HPA_SCALE_TO_ZERO))).isEmpty();
    assertThat(ApiServerValidation.validate(objectZero, Set.of())).extracting(ApiServerValidation.Violation::path)
        .containsExactly("spec.minReplicas");
  }

  /**
   * The API server decodes a metric's selector but does not validate its labels ({@code validateMetricIdentifier}
   * checks only the name): a bad key, value or operator is accepted, and the HPA controller's
   * {@code metav1.LabelSelectorAsSelector} fails on it at run time (FailedGetObjectMetric).
   */
  @Test
  void selectorLabelSyntaxIsNotTheApiServers() {
    Manifest hpa = ManifestReader.create().read("hpa.yaml", selector("{matchLabels: {\"bad key\": \"a b\"},"
        + " matchExpressions: [{key: app, operator: Equals}, {key: tier, operator: In}, {key: x, operator: Exists,"
        + " values: [v]}]}")).get(0);
    assertThat(ApiServerValidation.validate(hpa, Set.of())).isEmpty();
  }

  @Test
  void everyViolationIsReturnedNeverThrown() {
    Manifest bad = ManifestReader.create().read("hpa.yaml", BASE.replace("maxReplicas: 5", "maxReplicas: three")
        .replace("averageValue: 3", "averageValue: [3]").replace("policies:", "policies: 7\n      x:")).get(0);
    assertThat(ApiServerValidation.validate(bad, Set.of())).extracting(ApiServerValidation.Violation::message)
        .containsExactly("spec.maxReplicas must be an integer (was \"three\")",
            "spec.metrics[0].object.target.averageValue must be a quantity (was a sequence)",
            "spec.behavior.scaleUp.x is not a field of HPAScalingRules (was"
                + " [{\"type\":\"Pods\",\"value\":4,\"periodSeconds\":60}])",
            "spec.behavior.scaleUp.policies must be a sequence (was 7)");
  }
}
