package org.placard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * Starts {@code java -jar placard.war} on loopback {@code port} with {@code home} as its home
   * folder and the given JVM options; its output goes to {@code console.log} in that folder. No
   * {@code PLACARD_*} variable of the test's environment is passed on: settings come only from
   * {@code options}.
   */
  static Process launchWar(Path home, int port, List<String> options) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String war = System.getProperty("placard.war", "target/placard.war");
    List<String> command = new ArrayList<>(List.of(java));
    command.add("-Dplacard.home=" + home);
    command.add("-Dplacard.address=127.0.0.1");
    command.add("-Dplacard.port=" + port);
    command.addAll(options);
    command.addAll(List.of("-jar", war));
    Files.createDirectories(home);

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PLACARD_"));
    return builder.redirectOutput(home.resolve("console.log").toFile()).start();
  }

  /** Stops a started server and waits for it to exit. */
  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the server did not stop within 20 s of SIGTERM");
    }
  }

  /** Retries {@code check} every 200 ms until it passes or {@code limit} runs out. */
  static void eventually(Duration limit, Runnable check) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notYet;
        }
      }
      Thread.sleep(200);
    }
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
