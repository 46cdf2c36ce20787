package dev.smtrain.local.engine;

/**
 * No container engine answered. The message lists every place that was tried,
 * why each failed, and how to start an engine.
 */
public class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
