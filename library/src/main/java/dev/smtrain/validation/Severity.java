package dev.smtrain.validation;

/** How bad a violation is. */
public enum Severity {
  /** The request would be rejected, or would fail: it must not be submitted. */
  ERROR,
  /** Legal, but probably not what was meant, or ignored where the job runs. Never blocks a submit. */
  WARNING
}
