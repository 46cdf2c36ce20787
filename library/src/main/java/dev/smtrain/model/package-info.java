/**
 * The typed, immutable model of SageMaker's {@code CreateTrainingJob} request and the shapes around it
 * (description, listing), one value type per structure of the service model.
 *
 * <p>Build a request the way the AWS SDK for Java v2 builds one:
 * <pre>{@code
 * CreateTrainingJobRequest request = CreateTrainingJobRequest.builder()
 *     .trainingJobName("xgboost-2026-11-29")
 *     .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
 *     .algorithmSpecification(a -> a.trainingImage("my-image:latest").trainingInputMode(TrainingInputMode.FILE))
 *     .addInputDataConfig(Channel.s3("train", "s3://bucket/train/"))
 *     .outputDataConfig(OutputDataConfig.s3("s3://bucket/output/"))
 *     .resourceConfig(ResourceConfig.of(TrainingInstanceType.ML_M5_XLARGE, 1, 10))
 *     .stoppingCondition(StoppingCondition.maxRuntime(Duration.ofHours(1)))
 *     .build();
 * }</pre>
 *
 * <p>{@code build()} checks nothing beyond types: limits, required members and cross-field rules are the
 * validator's ({@code dev.smtrain.validation}), so that every problem is reported at once. JSON in the
 * AWS CLI's {@code --cli-input-json} shape is read and written by {@link dev.smtrain.model.json.TrainingJobJson}.
 */
@SmtrainStyle
package dev.smtrain.model;

import dev.smtrain.internal.SmtrainStyle;
