package org.placard.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.placard.store.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's snapshot in step with changes other pool members store in a shared database.
 * A background thread compares a cheap change marker now and then and reloads only when it moved;
 * the public path never waits for it. Changes made through this member are absorbed without a
 * reload when nothing else changed in between.
 */
public final class ChangePoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePoller.class);

  private final FileStore store;
  private final LiveFiles live;
  private final ScheduledExecutorService timer;
  private FileStore.ChangeMarker known;
  private Instant unreachableSince;

  public ChangePoller(FileStore store, LiveFiles live) {
    this.store = store;
    this.live = live;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "placard-change-poller");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Loads every file in service; called once at start-up before any request is answered. */
  public synchronized void loadAll() {
    FileStore.ChangeMarker marker = store.changeMarker();
    live.load(store.loadCurrent());
    known = marker;
  }

  /** Starts polling every {@code seconds}; zero means never (a single member). */
  public void start(int seconds) {
    if (seconds > 0) {
      timer.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
    }
  }

  /**
   * Records that this member stored revision {@code revisionId} and already put it live. When it is
   * the only change since the last look, the marker simply moves on; otherwise the next poll
   * reloads.
   */
  public synchronized void absorb(long revisionId) {
    try {
      FileStore.ChangeMarker now = store.changeMarker();
      if (known != null && now.count() == known.count() + 1 && now.highestId() == revisionId) {
        known = now;
      }
    } catch (RuntimeException e) {
      // The change is stored and live already; the next poll sees the marker moved and reloads.
      LOG.debug("Could not read the change marker after revision {}: {}", revisionId, e.toString());
    }
  }

  synchronized void poll() {
    try {
      FileStore.ChangeMarker now = store.changeMarker();
      if (!now.equals(known)) {
        LOG.info("Files changed in the database (revision {}); reloading", now.highestId());
        live.load(store.loadCurrent());
        known = now;
      }
      reachable();
    } catch (RuntimeException e) {
      unreachable(e);
    }
  }

  /** Whether the last look at the database failed. */
  synchronized boolean isDatabaseUnreachable() {
    return unreachableSince != null;
  }

  // An outage is logged when it starts and when it ends, not at every poll in between.
  private void unreachable(RuntimeException e) {
    if (unreachableSince == null) {
      unreachableSince = Instant.now();
      LOG.warn(
          "Cannot reach the database; serving the files in memory until it is back: {}",
          e.getMessage());
    }
  }

  private void reachable() {
    if (unreachableSince != null) {
      LOG.info(
          "The database is reachable again after {} s",
          Duration.between(unreachableSince, Instant.now()).toSeconds());
      unreachableSince = null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
