/**
 * Internal: the mapping between smtrain's model and the AWS SDK's, error translation, polling and log
 * reading behind {@link dev.smtrain.sagemaker.SageMakerExecutor}. Not API; may change in any release.
 */
package dev.smtrain.sagemaker.internal;
