package io.github.seldonhpa.internal;

import io.github.seldonhpa.HpaValidationException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/** The one Immutables style of seldon-hpa: hidden implementations, strict builders, JDK collections only. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    strictBuilder = true,
    depluralize = true,
    get = {"is*", "get*"},
    throwForInvalidImmutableState = HpaValidationException.class)
public @interface HpaStyle {}
