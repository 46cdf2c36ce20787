/**
 * Internal to smtrain: not API, may change in any release.
 */
package dev.smtrain.internal;
