package org.placard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** Helpers for the tests that start Placard as a separate process, as an administrator would. */
final class ExternalProcesses {

  private ExternalProcesses() {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits for 200 on /healthz while the process lives, for at most 90 seconds. */
  static Duration awaitHealthy(Http http, Process process) throws InterruptedException {
    Instant start = Instant.now();
    Instant deadline = start.plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (http.send(http.request("/healthz").GET()).statusCode() == 200) {
          return Duration.between(start, Instant.now());
        }
      } catch (IllegalStateException notYet) {
        // Connection refused while the server starts.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not report healthy; see its log under target/");
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
