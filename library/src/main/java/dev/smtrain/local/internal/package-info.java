/**
 * Internal: the local runner's stages, job state and registry. Not part of smtrain's supported API; these types
 * may change in any release. The stages run in the order SageMaker runs a job: register, stage inputs, write
 * config, create containers, start, follow output and metrics, stop or finish, package outputs, sync
 * checkpoints, describe, clean up ({@link dev.smtrain.local.internal.JobRunner}).
 */
package dev.smtrain.local.internal;
