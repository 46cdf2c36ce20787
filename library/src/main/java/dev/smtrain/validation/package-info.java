/**
 * Checks requests before they are sent: every constraint of the service model, the documented cross-field
 * rules, secrets in the wrong place, and users' own rules; all violations at once, with API paths.
 */
package dev.smtrain.validation;
