/**
 * Internal to smtrain: not API, may change in any release. The fake executor's job timelines.
 */
package dev.smtrain.testing.internal;
