package io.github.seldonhpa.internal;

import io.github.seldonhpa.HpaValidationException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/** The one Immutables style of seldon-hpa: hidden implementations, JDK collections only, builders that copy (from) and re-set. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    get = {"is*", "get*"},
    // no org.immutables.value.Generated in class files: consumers compile without Immutables and
    // javac -Xlint:all would warn about the missing annotation type
    allowedClasspathAnnotations = {Override.class},
    throwForInvalidImmutableState = HpaValidationException.class)
public @interface HpaStyle {}
