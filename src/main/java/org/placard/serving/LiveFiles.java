package org.placard.serving;

import java.util.List;
import org.placard.address.Scope;
import org.placard.store.CurrentFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the snapshot the public path reads. Readers take the current reference without locking;
 * writers build a new snapshot and swap it in, one at a time, so an edit is live for every later
 * request as soon as {@link #put} or {@link #remove} returns.
 */
public final class LiveFiles {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFiles.class);

  private volatile Snapshot current;
  private volatile long lastBuildMillis;

  /** The snapshot to answer from, or {@code null} before the first load. */
  public Snapshot current() {
    return current;
  }

  public boolean isLoaded() {
    return current != null;
  }

  /** Replaces everything with the files in service now, as read from the database. */
  public synchronized void load(List<CurrentFile> files) {
    long start = System.nanoTime();
    Snapshot snapshot = Snapshot.of(files);
    current = snapshot;
    lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "Serving {} files for {} scopes (snapshot built in {} ms)",
        snapshot.fileCount(),
        snapshot.scopeCount(),
        lastBuildMillis);
  }

  /** Puts one revision live, leaving every other file as it is. */
  public synchronized void put(CurrentFile file) {
    swap(Scope.parse(file.scope()), file.name(), ServedFile.of(file));
  }

  /** Takes one file out of service. */
  public synchronized void remove(String scope, String name) {
    swap(Scope.parse(scope), name, null);
  }

  /** How long the last full or partial rebuild took, for the status API and the benchmark. */
  public long lastBuildMillis() {
    return lastBuildMillis;
  }

  private void swap(Scope scope, String name, ServedFile file) {
    long start = System.nanoTime();
    Snapshot base = current == null ? Snapshot.EMPTY : current;
    current = base.with(scope, name, file);
    lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
  }
}
