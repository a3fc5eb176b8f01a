package io.github.seldonhpa.test;

import io.github.seldonhpa.k8s.Finding;
import io.github.seldonhpa.k8s.LintCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on lint findings ({@code Lint.check}). Messages list the findings one per line, as reports do. */
public final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Finding>> {
  FindingsAssert(List<Finding> actual) {
    super(actual, FindingsAssert.class);
  }

  /** {@return no finding at all, not even INFO} */
  public FindingsAssert isEmpty() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage(Texts.literal("expected no lint findings, but lint found " + actual.size() + ":"
          + lines(actual)));
    }
    return this;
  }

  /** {@return no finding of severity ERROR} */
  public FindingsAssert hasNoErrors() {
    return without(List.of(Finding.Severity.ERROR), "ERROR");
  }

  /** {@return no finding of severity ERROR or WARNING: the manifests lint clean} */
  public FindingsAssert hasNoErrorsOrWarnings() {
    return without(List.of(Finding.Severity.ERROR, Finding.Severity.WARNING), "ERROR or WARNING");
  }

  /**
   * At least one finding with this code.
   *
   * @param code the lint code
   * @return this assertion, to chain more
   */
  public FindingsAssert containsCode(LintCode code) {
    isNotNull();
    if (actual.stream().noneMatch(f -> f.code() == code)) {
      failWithMessage(Texts.literal("expected a lint finding " + code.id() + " (" + code.slug() + "), but lint found "
          + (actual.isEmpty() ? "none" : actual.size() + ":" + lines(actual))));
    }
    return this;
  }

  /**
   * Exactly these codes, one per finding, in the order lint returns them.
   *
   * @param codes the lint codes, in order
   * @return this assertion, to chain more
   */
  public FindingsAssert containsExactlyCodes(LintCode... codes) {
    isNotNull();
    List<String> have = actual.stream().map(f -> f.code().id()).collect(Collectors.toList());
    List<String> want = Arrays.stream(codes).map(LintCode::id).collect(Collectors.toList());
    if (!have.equals(want)) {
      failWithMessage(Texts.literal("expected the lint findings " + want + ", but lint found " + have + ":"
          + lines(actual)));
    }
    return this;
  }

  /**
   * A finding with this code at this path (of the object), whose message is exactly {@code message}.
   *
   * @param code the lint code
   * @param path the path in the object, such as {@code spec.metrics[0].object.target}
   * @param message the whole message
   * @return this assertion, to chain more
   */
  public FindingsAssert hasFinding(LintCode code, String path, String message) {
    isNotNull();
    if (actual.stream().noneMatch(f -> f.code() == code && f.path().equals(path) && f.message().equals(message))) {
      failWithMessage(Texts.literal("expected the lint finding " + code.id() + " at " + path + ": " + message
          + ", but lint found " + (actual.isEmpty() ? "none" : actual.size() + ":" + lines(actual))));
    }
    return this;
  }

  private FindingsAssert without(List<Finding.Severity> severities, String what) {
    isNotNull();
    List<Finding> bad = actual.stream().filter(f -> severities.contains(f.severity())).collect(Collectors.toList());
    if (!bad.isEmpty()) {
      failWithMessage(Texts.literal("expected no " + what + " lint findings, but lint found " + bad.size() + ":"
          + lines(bad)));
    }
    return this;
  }

  private static String lines(List<Finding> findings) {
    return findings.stream().map(f -> "\n  " + f).collect(Collectors.joining());
  }
}
