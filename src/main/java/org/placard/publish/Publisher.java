package org.placard.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.placard.address.FileNames;
import org.placard.address.Scope;
import org.placard.serving.ChangePoller;
import org.placard.serving.LiveFiles;
import org.placard.store.Change;
import org.placard.store.CurrentFile;
import org.placard.store.FileStore;
import org.placard.store.FileSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change an administrator makes goes through here: checked against the publishing rules,
 * stored as a new revision, then put live. Changes are applied one at a time in this process, so
 * the snapshot always ends with the last revision that was committed.
 */
public class Publisher {

  static final int MAX_AUTHOR = 128;
  static final int MAX_COMMENT = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private final FileStore store;
  private final LiveFiles live;
  private final ChangePoller poller;
  private final int maxBodyBytes;
  private final Clock clock;

  public Publisher(
      FileStore store, LiveFiles live, ChangePoller poller, int maxBodyBytes, Clock clock) {
    this.store = store;
    this.live = live;
    this.poller = poller;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /** What a request asks to publish, exactly as it arrived. */
  public record Request(
      String scope, String name, String contentType, byte[] body, String author, String comment) {}

  /** The revision now in service and whether the file was new. */
  public record Outcome(CurrentFile current, boolean created) {}

  public synchronized Outcome publish(Request request) {
    Scope scope = scope(request.scope());
    String name = name(request.name());
    String type = ContentTypes.resolve(name, request.contentType());
    Bodies.check(request.body(), type, maxBodyBytes);
    Change change =
        new Change(
            type, request.body(), author(request.author()), comment(request.comment()), now());

    FileStore.Published published = store.publish(scope.toString(), name, change);
    live.put(published.current());
    poller.absorb(published.current().revisionId());

    LOG.info(
        "{} published {} revision {} for {} ({} bytes, {})",
        change.author(),
        name,
        published.current().number(),
        scope,
        request.body().length,
        type);
    return new Outcome(published.current(), published.created());
  }

  /** Serves the content of revision {@code number} again, as a new revision. */
  public synchronized CurrentFile rollback(
      String scopeText, String nameText, int number, String author, String comment) {
    Scope scope = scope(scopeText);
    String name = name(nameText);
    String why = comment == null || comment.isBlank() ? "rollback to revision " + number : comment;
    Change meta = Change.withoutContent(author(author), comment(why), now());

    CurrentFile current = store.rollback(scope.toString(), name, number, meta);
    live.put(current);
    poller.absorb(current.revisionId());

    LOG.info(
        "{} rolled {} for {} back to revision {} as revision {}",
        meta.author(),
        name,
        scope,
        number,
        current.number());
    return current;
  }

  /** Takes a file out of service; its history stays. Returns the number of the new revision. */
  public synchronized int remove(String scopeText, String nameText, String author, String comment) {
    Scope scope = scope(scopeText);
    String name = name(nameText);
    Change meta = Change.withoutContent(author(author), comment(comment), now());

    FileStore.Removed removed = store.remove(scope.toString(), name, meta);
    live.remove(scope.toString(), name);
    poller.absorb(removed.revisionId());

    LOG.info(
        "{} removed {} for {} from service (revision {})",
        meta.author(),
        name,
        scope,
        removed.number());
    return removed.number();
  }

  public Optional<FileSummary> history(String scopeText, String nameText) {
    return store.history(scope(scopeText).toString(), name(nameText));
  }

  public Optional<CurrentFile> revisionContent(String scopeText, String nameText, int number) {
    return store.revisionContent(scope(scopeText).toString(), name(nameText), number);
  }

  /** The canonical scope, for callers that need to name a file the way it is stored. */
  public static Scope scope(String text) {
    try {
      return Scope.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("scope", e.getMessage());
    }
  }

  private static String name(String text) {
    try {
      return FileNames.check(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("name", e.getMessage());
    }
  }

  private static String author(String author) {
    if (author == null || author.isBlank()) {
      throw new InvalidInputException("author", "is empty");
    }
    if (author.length() > MAX_AUTHOR || !author.matches("[\\p{L}\\p{N} ._@()+-]+")) {
      throw new InvalidInputException(
          "author", "must be up to 128 letters, digits, spaces and . _ @ ( ) + -");
    }
    return author;
  }

  private static String comment(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    if (comment.length() > MAX_COMMENT || comment.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
      throw new InvalidInputException(
          "comment", "must be one line of at most " + MAX_COMMENT + " characters");
    }
    return comment.strip();
  }

  private Instant now() {
    return clock.instant();
  }
}
