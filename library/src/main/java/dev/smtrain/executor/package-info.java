/**
 * The seam every executor implements: submit, describe, stop, list and read logs of training jobs, with
 * handles that wait and listeners that watch. Implementations: {@code dev.smtrain.sagemaker} (the AWS SDK),
 * {@code dev.smtrain.local} (a container engine) and {@code dev.smtrain.testing} (in memory).
 */
package dev.smtrain.executor;
