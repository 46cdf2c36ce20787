/**
 * Internal to smtrain: the file, S3 and archive plumbing behind {@code dev.smtrain.local.storage}. Not API, may
 * change in any release.
 */
package dev.smtrain.local.storage.internal;
