package dev.smtrain.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the library: generated {@code Immutable*} classes are package-private and
 * never appear in user code (users call {@code X.builder()} and get {@code X.Builder}); no Guava; singular
 * {@code addTag}/{@code putHyperParameter} methods; redacted members print as {@code ****}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    jakarta = true,
    depluralize = true,
    depluralizeDictionary = {"summary:summaries", "status:statuses"},
    redactedMask = "****",
    defaults = @Value.Immutable(copy = false))
public @interface SmtrainStyle {}
