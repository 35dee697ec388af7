package org.placard.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where Placard listens and keeps its files. A command-line option wins over a system property,
 * which wins over an environment variable, and the home is found the way the application finds it.
 */
final class LauncherSettings {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java [-Dplacard.port=N] [-Dplacard.address=A] [-Dplacard.home=DIR] \\",
          "            -jar placard.war [--port=N] [--address=A] [--help]",
          "",
          "Serves Placard with an embedded Apache Tomcat.",
          "",
          "  --port=N      TCP port to listen on: 0 to 65535, 0 picks a free one (default 8080).",
          "                Also -Dplacard.port=N or the environment variable PLACARD_PORT.",
          "  --address=A   Address to listen on (default 0.0.0.0, every IPv4 interface).",
          "                Also -Dplacard.address=A or the environment variable PLACARD_ADDRESS.",
          "  --help        Print this help and exit.",
          "",
          "The Placard home (-Dplacard.home=DIR, else PLACARD_HOME, else ~/.placard) holds the",
          "data and an unpacked copy of the WAR, which is served from there.",
          "",
          "Exit status: 1 when Placard cannot start, 2 on a bad setting. SIGTERM or Ctrl-C",
          "stops Placard cleanly; the JVM then exits with 143 or 130.",
          "");

  private static final int DEFAULT_PORT = 8080;
  private static final String DEFAULT_ADDRESS = "0.0.0.0";

  private final boolean help;
  private final int port;
  private final InetAddress address;
  private final Path home;

  private LauncherSettings(boolean help, int port, InetAddress address, Path home) {
    this.help = help;
    this.port = port;
    this.address = address;
    this.home = home;
  }

  static LauncherSettings resolve(
      String[] args, UnaryOperator<String> properties, UnaryOperator<String> environment)
      throws Invalid {
    Map<String, String> options = parseOptions(args);
    if (options.containsKey("help")) {
      return new LauncherSettings(true, DEFAULT_PORT, null, null);
    }
    Sources sources = new Sources(options, properties, environment);
    return new LauncherSettings(
        false,
        port(sources.find("placard.port", "port")),
        address(sources.find("placard.address", "address")),
        home(sources.find("placard.home", null), properties));
  }

  boolean help() {
    return help;
  }

  int port() {
    return port;
  }

  InetAddress address() {
    return address;
  }

  Path home() {
    return home;
  }

  private static Map<String, String> parseOptions(String[] args) throws Invalid {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        options.put("help", "");
      } else if (arg.startsWith("--port=") || arg.startsWith("--address=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.equals("--port") || arg.equals("--address")) {
        if (i + 1 == args.length) {
          throw new Invalid("The option " + arg + " needs a value; see --help");
        }
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new Invalid("Unknown command-line argument \"" + arg + "\"; see --help");
      }
    }
    return options;
  }

  private static int port(Value value) throws Invalid {
    if (value == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.text());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below, like a number out of range.
    }
    throw value.invalid("must be a port number from 0 to 65535");
  }

  private static InetAddress address(Value value) throws Invalid {
    String text = value == null ? DEFAULT_ADDRESS : value.text();
    try {
      // InetAddress would quietly take an empty name for the loopback address.
      if (!text.isEmpty()) {
        return InetAddress.getByName(text);
      }
    } catch (UnknownHostException e) {
      // Reported below; the default address is a literal and always resolves.
    }
    throw value.invalid("must be an IP address or a host name that resolves");
  }

  private static Path home(Value value, UnaryOperator<String> properties) throws Invalid {
    if (value == null) {
      return Path.of(properties.apply("user.home"), ".placard").toAbsolutePath().normalize();
    }
    try {
      if (!value.text().isEmpty()) {
        return Path.of(value.text()).toAbsolutePath().normalize();
      }
    } catch (InvalidPathException e) {
      // Reported below.
    }
    throw value.invalid("must be the path of a directory");
  }

  /**
   * A setting's text and where it came from. Its error messages read like those of the
   * application's own settings, which are looked up in the same places.
   */
  private record Value(String setting, String origin, String text) {

    Invalid invalid(String problem) {
      return new Invalid(
          "Setting " + setting + " (from " + origin + ") " + problem + ", got '" + text + "'");
    }
  }

  private record Sources(
      Map<String, String> options,
      UnaryOperator<String> properties,
      UnaryOperator<String> environment) {

    /** Returns null when the setting is nowhere: a blank value counts, as in the application. */
    Value find(String setting, String option) {
      if (option != null && options.containsKey(option)) {
        return new Value(setting, "command-line option --" + option, options.get(option).trim());
      }
      String text = properties.apply(setting);
      if (text != null) {
        return new Value(setting, "system property " + setting, text.trim());
      }
      String variable = setting.toUpperCase(Locale.ROOT).replace('.', '_');
      text = environment.apply(variable);
      return text == null
          ? null
          : new Value(setting, "environment variable " + variable, text.trim());
    }
  }

  /** A setting Placard cannot work with; its message is the whole explanation for the user. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
