/**
 * Internal: request handling behind {@link dev.smtrain.server.SageMakerEndpoint}. Not API; may change in any
 * release.
 */
package dev.smtrain.server.internal;
