/**
 * The quick start: a small logistic-regression training job run by the local runner in a locally built
 * image. See {@link dev.smtrain.samples.quickstart.Quickstart}.
 */
package dev.smtrain.samples.quickstart;
