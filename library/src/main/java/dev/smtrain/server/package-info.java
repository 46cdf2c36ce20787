/**
 * Serving smtrain's executors over SageMaker's own wire protocol: {@link dev.smtrain.server.SageMakerEndpoint}
 * lets the AWS SDKs, boto3 and the AWS CLI run training jobs on any
 * {@link dev.smtrain.executor.TrainingJobExecutor}.
 */
package dev.smtrain.server;
