package dev.smtrain.local.engine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/**
 * A container's output, followed line by line. Lines go to a {@link Listener}
 * on docker-java's thread; a last line without a newline is delivered when
 * the stream ends. Close to stop following.
 */
public final class LogStream implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogStream.class);

    /** Which stream a line came from. */
    public enum Source { STDOUT, STDERR }

    /** Receives whole lines, without the line terminator. */
    @FunctionalInterface
    public interface Listener {
        void line(Source source, String line);
    }

    private final Listener listener;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean flushed;
    final Callback callback = new Callback();

    LogStream(Listener listener) {
        this.listener = listener;
    }

    /** Waits until the container's output ends (it exited) or the timeout; true if it ended. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException e) {
            LOG.debug("closing log stream", e);
        }
        flush();
    }

    private synchronized void accept(Frame frame) {
        Source source = frame.getStreamType() == StreamType.STDERR ? Source.STDERR : Source.STDOUT;
        ByteArrayOutputStream buf = source == Source.STDERR ? err : out;
        for (byte b : frame.getPayload()) {
            if (b == '\n') {
                emit(source, buf);
            } else {
                buf.write(b);
            }
        }
    }

    private synchronized void flush() {
        if (flushed) {
            return;
        }
        flushed = true;
        if (out.size() > 0) {
            emit(Source.STDOUT, out);
        }
        if (err.size() > 0) {
            emit(Source.STDERR, err);
        }
    }

    private void emit(Source source, ByteArrayOutputStream buf) {
        String line = buf.toString(StandardCharsets.UTF_8);
        buf.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        try {
            listener.line(source, line);
        } catch (RuntimeException e) {
            LOG.warn("log listener failed", e);
        }
    }

    final class Callback extends ResultCallback.Adapter<Frame> {
        @Override
        public void onNext(Frame frame) {
            accept(frame);
        }

        @Override
        public void onComplete() {
            flush();
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            flush();
            super.onError(throwable);
        }
    }
}
