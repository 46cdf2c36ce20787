/**
 * The validation sample: a request with mistakes and the report it produces. See
 * {@link dev.smtrain.samples.validation.ValidationSample}.
 */
package dev.smtrain.samples.validation;
