/**
 * Internal to smtrain: not API, may change in any release. Helpers shared by the executors: turning a
 * request into a description, and filtering, sorting and paging job lists.
 */
package dev.smtrain.executor.internal;
