/**
 * Running training jobs on Amazon SageMaker through the AWS SDK for Java v2:
 * {@link dev.smtrain.sagemaker.SageMakerExecutor} and its {@link java.util.ServiceLoader} provider.
 */
package dev.smtrain.sagemaker;
