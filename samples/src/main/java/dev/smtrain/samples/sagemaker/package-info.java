/**
 * The SageMaker sample: production submit-and-wait code. See
 * {@link dev.smtrain.samples.sagemaker.SubmitAndWait}.
 */
package dev.smtrain.samples.sagemaker;
