/**
 * Internal: the validator's machinery (Hibernate Validator set-up, the built-in cross-field, secret and
 * advisory rules). Not API; may change in any release.
 */
package dev.smtrain.validation.internal;
