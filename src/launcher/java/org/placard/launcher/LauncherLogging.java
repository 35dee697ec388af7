package org.placard.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Console logging for the whole JVM, set up before anything logs.
 *
 * <p>This class must not touch {@link LogManager} before {@link #install()} has chosen the manager,
 * so it keeps no static {@link Logger}.
 */
final class LauncherLogging {

  private static final String CONFIGURATION =
      String.join(
          "\n",
          "handlers = java.util.logging.ConsoleHandler",
          ".level = INFO",
          "java.util.logging.ConsoleHandler.level = ALL",
          "java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter",
          "java.util.logging.SimpleFormatter.format = %1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n",
          // Tomcat's start-up INFO lines only repeat what Placard logs in one line of its own.
          "org.apache.catalina.level = WARNING",
          "org.apache.coyote.level = WARNING",
          "org.apache.tomcat.level = WARNING",
          "");

  private LauncherLogging() {}

  /** Installs {@link LauncherLogManager} and the console configuration, unless the user chose. */
  static void install() {
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", LauncherLogManager.class.getName());
    }
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      readConfiguration();
    }
  }

  static Logger logger() {
    return Logger.getLogger(Launcher.class.getName());
  }

  private static void readConfiguration() {
    byte[] bytes = CONFIGURATION.getBytes(StandardCharsets.ISO_8859_1);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      LogManager.getLogManager().readConfiguration(in);
    } catch (IOException e) {
      throw new IllegalStateException("Built-in logging configuration is unreadable", e);
    }
  }
}
