package org.placard.serving;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.placard.address.Scope;
import org.placard.store.CurrentFile;

/**
 * Every file in service, indexed for the public path: by exact host, by the parent domain of a
 * wildcard scope, and for every host. Immutable; a change produces a new snapshot that shares all
 * the indexes it does not touch. Lookup is a constant number of hash probes whatever the number of
 * hosts.
 */
public final class Snapshot {

  static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), 0);

  private final Map<String, Map<String, ServedFile>> exact;
  private final Map<String, Map<String, ServedFile>> wildcard;
  private final Map<String, ServedFile> everyHost;
  private final int fileCount;

  private Snapshot(
      Map<String, Map<String, ServedFile>> exact,
      Map<String, Map<String, ServedFile>> wildcard,
      Map<String, ServedFile> everyHost,
      int fileCount) {
    this.exact = exact;
    this.wildcard = wildcard;
    this.everyHost = everyHost;
    this.fileCount = fileCount;
  }

  /** Builds a snapshot from every file in service. */
  static Snapshot of(Collection<CurrentFile> files) {
    Map<String, Map<String, ServedFile>> exact = new HashMap<>();
    Map<String, Map<String, ServedFile>> wildcard = new HashMap<>();
    Map<String, ServedFile> everyHost = new HashMap<>();
    for (CurrentFile file : files) {
      Scope scope = Scope.parse(file.scope());
      ServedFile served = ServedFile.of(file);
      switch (scope.kind()) {
        case EXACT ->
            exact.computeIfAbsent(scope.domain(), k -> new HashMap<>(2)).put(file.name(), served);
        case WILDCARD ->
            wildcard
                .computeIfAbsent(scope.domain(), k -> new HashMap<>(2))
                .put(file.name(), served);
        case EVERY_HOST -> everyHost.put(file.name(), served);
      }
    }
    return new Snapshot(freeze(exact), freeze(wildcard), Map.copyOf(everyHost), files.size());
  }

  /**
   * The file served for {@code name} on {@code host}: the exact host's own file first, then the
   * wildcard scope's, then the one for every host.
   */
  public ServedFile find(String host, String name) {
    ServedFile file = lookup(exact.get(host), name);
    if (file != null) {
      return file;
    }
    if (!wildcard.isEmpty()) {
      int dot = host.indexOf('.');
      if (dot > 0) {
        file = lookup(wildcard.get(host.substring(dot + 1)), name);
        if (file != null) {
          return file;
        }
      }
    }
    return everyHost.get(name);
  }

  /**
   * A copy of this snapshot in which {@code name} in {@code scope} is {@code file}, or gone if
   * null.
   */
  Snapshot with(Scope scope, String name, ServedFile file) {
    int count = fileCount - (get(scope, name) == null ? 0 : 1) + (file == null ? 0 : 1);
    return switch (scope.kind()) {
      case EXACT ->
          new Snapshot(replaceIn(exact, scope.domain(), name, file), wildcard, everyHost, count);
      case WILDCARD ->
          new Snapshot(exact, replaceIn(wildcard, scope.domain(), name, file), everyHost, count);
      case EVERY_HOST -> new Snapshot(exact, wildcard, replaced(everyHost, name, file), count);
    };
  }

  /** The file stored under exactly this scope and name, without falling back to wider scopes. */
  ServedFile get(Scope scope, String name) {
    return switch (scope.kind()) {
      case EXACT -> lookup(exact.get(scope.domain()), name);
      case WILDCARD -> lookup(wildcard.get(scope.domain()), name);
      case EVERY_HOST -> everyHost.get(name);
    };
  }

  public int fileCount() {
    return fileCount;
  }

  /** How many distinct exact hosts and wildcard domains have files of their own. */
  public int scopeCount() {
    return exact.size() + wildcard.size() + (everyHost.isEmpty() ? 0 : 1);
  }

  private static ServedFile lookup(Map<String, ServedFile> files, String name) {
    return files == null ? null : files.get(name);
  }

  private static Map<String, Map<String, ServedFile>> replaceIn(
      Map<String, Map<String, ServedFile>> index, String domain, String name, ServedFile file) {
    Map<String, ServedFile> files = replaced(index.getOrDefault(domain, Map.of()), name, file);
    Map<String, Map<String, ServedFile>> copy = new HashMap<>(index);
    if (files.isEmpty()) {
      copy.remove(domain);
    } else {
      copy.put(domain, files);
    }
    return copy;
  }

  private static Map<String, ServedFile> replaced(
      Map<String, ServedFile> files, String name, ServedFile file) {
    Map<String, ServedFile> copy = new HashMap<>(files);
    if (file == null) {
      copy.remove(name);
    } else {
      copy.put(name, file);
    }
    return Map.copyOf(copy);
  }

  private static Map<String, Map<String, ServedFile>> freeze(
      Map<String, Map<String, ServedFile>> index) {
    index.replaceAll((domain, files) -> Map.copyOf(files));
    return index;
  }
}
