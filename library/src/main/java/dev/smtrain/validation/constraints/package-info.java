/**
 * Constraint annotations the generated model carries besides the standard Jakarta Validation ones, so that
 * any Jakarta Validation provider configured like {@link dev.smtrain.validation.TrainingJobValidator} checks
 * the same limits.
 */
package dev.smtrain.validation.constraints;
