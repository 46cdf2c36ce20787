/**
 * A console progress view of a training job, for the command line and JShell. See
 * {@link dev.smtrain.samples.progress.ConsoleProgress}.
 */
package dev.smtrain.samples.progress;
