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
 * on docker-java's thread. A last line without a newline is delivered by
 * {@link #close()}. Once the container has exited, end it with
 * {@link ContainerEngine#finishLogs}, which also delivers output that the
 * engine left out of the followed stream (Docker 20.10 was once seen to end a
 * follow stream without the container's last output).
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
    private boolean following = true;
    private long outBytes;
    private long errBytes;
    final Callback callback = new Callback();

    LogStream(Listener listener) {
        this.listener = listener;
    }

    /** Waits until the container's output ends (it exited) or the timeout; true if it ended. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops following and delivers a last line that has no newline. */
    @Override
    public void close() {
        stopFollowing();
        flush();
    }

    synchronized void stopFollowing() {
        following = false;
        try {
            callback.close();
        } catch (IOException e) {
            LOG.debug("closing log stream", e);
        }
    }

    /**
     * A callback for a second, non-following read of the same logs: skips what
     * this stream already received and delivers the rest as if it had been
     * followed.
     */
    synchronized ResultCallback.Adapter<Frame> catchUp() {
        long[] skip = {outBytes, errBytes};
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                int i = frame.getStreamType() == StreamType.STDERR ? 1 : 0;
                byte[] p = frame.getPayload();
                int from = (int) Math.min(p.length, skip[i]);
                skip[i] -= from;
                if (from < p.length) {
                    LOG.debug("log catch-up: {} bytes the followed stream did not have", p.length - from);
                    accept(frame.getStreamType(), p, from);
                }
            }
        };
    }

    private synchronized void acceptFollowed(Frame frame) {
        if (following) {
            accept(frame.getStreamType(), frame.getPayload(), 0);
        }
    }

    private synchronized void accept(StreamType type, byte[] payload, int from) {
        Source source = type == StreamType.STDERR ? Source.STDERR : Source.STDOUT;
        ByteArrayOutputStream buf = source == Source.STDERR ? err : out;
        if (source == Source.STDERR) {
            errBytes += payload.length - from;
        } else {
            outBytes += payload.length - from;
        }
        for (int k = from; k < payload.length; k++) {
            byte b = payload[k];
            if (b == '\n') {
                emit(source, buf);
            } else {
                buf.write(b);
            }
        }
    }

    synchronized void flush() {
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
            acceptFollowed(frame);
        }
    }
}
