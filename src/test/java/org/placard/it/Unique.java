package org.placard.it;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names that no earlier run used: the IT database lives in {@code target/it-home} and survives
 * between runs, and every IT class shares it, so a test that expects a file to be new, or a host or
 * name to be unknown, takes its names from here.
 */
final class Unique {

  /** Differs from one JVM to the next. */
  static final String RUN =
      (Long.toString(System.currentTimeMillis(), 36)
              + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36))
          .toLowerCase(Locale.ROOT);

  private Unique() {}

  /** A domain of its own for one test: {@code label-RUN.example}. */
  static String domain(String label) {
    return label + "-" + RUN + ".example";
  }

  /** A file name of its own for one test, safe to publish for every host ({@code *}). */
  static String name(String label) {
    return label + "-" + RUN + ".txt";
  }
}
