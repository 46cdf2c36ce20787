package dev.smtrain.local.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar stream assembled from in-memory content and host files: a build
 * context for {@link ContainerEngine#buildImage(TarContext, String, java.util.Map)},
 * or an archive for {@link ContainerEngine#copyTo}.
 *
 * <p>Host files are read only when the tar is written. Entries get a fixed
 * modification time so that the same content makes the same tar.
 */
public final class TarContext {
    private static final Date MTIME = Date.from(Instant.parse("2020-01-01T00:00:00Z"));

    private sealed interface Entry permits Dir, Bytes, HostFile, Symlink {
        String path();
    }

    private record Dir(String path, int mode) implements Entry {}

    private record Bytes(String path, byte[] content, int mode) implements Entry {}

    private record HostFile(String path, Path source, int mode) implements Entry {}

    private record Symlink(String path, String target) implements Entry {}

    private final List<Entry> entries = new ArrayList<>();

    private TarContext() {}

    public static TarContext create() {
        return new TarContext();
    }

    /** Everything under {@code dir}, paths relative to it; symlinks kept as links. */
    public static TarContext ofDirectory(Path dir) {
        return create().addTree(dir, "");
    }

    /** A regular file with mode 0644. */
    public TarContext file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** A regular file with the given mode (e.g. {@code 0755}). */
    public TarContext file(String path, byte[] content, int mode) {
        entries.add(new Bytes(clean(path), content.clone(), mode));
        return this;
    }

    /** A host file, read when the tar is written; mode taken from the host file. */
    public TarContext copy(Path source, String path) {
        entries.add(new HostFile(clean(path), source, modeOf(source)));
        return this;
    }

    public TarContext directory(String path) {
        return directory(path, 0755);
    }

    /** A directory with the given permission bits (for example {@code 01777} for a {@code /tmp}). */
    public TarContext directory(String path, int mode) {
        entries.add(new Dir(clean(path), mode));
        return this;
    }

    public TarContext symlink(String path, String target) {
        entries.add(new Symlink(clean(path), target));
        return this;
    }

    /** The tree under {@code dir} placed at {@code prefix} ("" for the root). */
    public TarContext addTree(Path dir, String prefix) {
        Objects.requireNonNull(dir, "dir");
        String base = prefix.isEmpty() ? "" : clean(prefix) + "/";
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = base + dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    symlink(rel, Files.readSymbolicLink(p).toString());
                } else if (Files.isDirectory(p)) {
                    entries.add(new Dir(rel, modeOf(p)));
                } else {
                    copy(p, rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return this;
    }

    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Entry e : entries) {
            TarArchiveEntry t;
            if (e instanceof Dir d) {
                t = new TarArchiveEntry(d.path() + "/");
                t.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | d.mode());
            } else if (e instanceof Symlink s) {
                t = new TarArchiveEntry(s.path(), TarConstants.LF_SYMLINK);
                t.setLinkName(s.target());
            } else if (e instanceof Bytes b) {
                t = new TarArchiveEntry(b.path());
                t.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | b.mode());
                t.setSize(b.content().length);
            } else {
                HostFile h = (HostFile) e;
                t = new TarArchiveEntry(h.path());
                t.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | h.mode());
                t.setSize(Files.size(h.source()));
            }
            t.setModTime(MTIME);
            tar.putArchiveEntry(t);
            if (e instanceof Bytes b) {
                tar.write(b.content());
            } else if (e instanceof HostFile h) {
                try (InputStream in = Files.newInputStream(h.source())) {
                    in.transferTo(tar);
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    public byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String clean(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
            throw new IllegalArgumentException("bad path in tar: " + path);
        }
        return p;
    }

    private static int modeOf(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission perm : perms) {
                mode |= 1 << (8 - perm.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isDirectory(p) || Files.isExecutable(p) ? 0755 : 0644;
        }
    }
}
