/**
 * smtrain: define, check and run Amazon SageMaker training jobs from Java.
 *
 * <ul>
 *   <li>{@code dev.smtrain.model}: the typed, immutable {@code CreateTrainingJob} request and friends;</li>
 *   <li>{@code dev.smtrain.validation}: every service constraint and documented rule, all violations at once;</li>
 *   <li>{@code dev.smtrain.executor}: one seam to submit, watch and stop jobs, with executors for SageMaker
 *       ({@code dev.smtrain.sagemaker}), a local container engine ({@code dev.smtrain.local}) and an in-memory
 *       fake for tests ({@code dev.smtrain.testing}).</li>
 * </ul>
 */
package dev.smtrain;
