package org.placard.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting Placard reads at start-up, parsed and checked once. The README lists them with
 * their defaults; a value that cannot be used raises {@link SettingsException}.
 */
public record Settings(
    Path home,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    Optional<String> apiToken,
    int maxBodyBytes,
    String cacheControl,
    boolean demo,
    int refreshSeconds) {

  public static final String HOME = "placard.home";
  public static final String DB_URL = "placard.db.url";
  public static final String DB_USER = "placard.db.user";
  public static final String DB_PASSWORD = "placard.db.password";
  public static final String API_TOKEN = "placard.api.token";
  public static final String MAX_BODY = "placard.max-body-bytes";
  public static final String CACHE_CONTROL = "placard.cache-control";
  public static final String DEMO = "placard.demo";
  public static final String REFRESH = "placard.refresh-seconds";

  static final int DEFAULT_MAX_BODY = 1024 * 1024;
  static final int MAX_BODY_CEILING = 64 * 1024 * 1024;
  static final String DEFAULT_CACHE_CONTROL = "max-age=300";

  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(|b|k|kb|kib|m|mb|mib)");
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]{1,200}");

  /** Reads and checks every setting; throws on the first one that is wrong. */
  public static Settings load(SettingSource source) {
    return new Settings(
        home(source),
        text(source, DB_URL),
        text(source, DB_USER),
        source.find(DB_PASSWORD).map(SettingSource.Found::verbatim),
        token(source),
        maxBody(source),
        cacheControl(source),
        flag(source, DEMO),
        refreshSeconds(source));
  }

  private static Path home(SettingSource source) {
    Optional<SettingSource.Found> found = source.find(HOME);
    if (found.isEmpty()) {
      return Path.of(System.getProperty("user.home"), ".placard");
    }
    try {
      String value = found.get().value();
      if (value.isEmpty()) {
        throw found.get().invalid("must name a folder");
      }
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw found.get().invalid("is not a usable path");
    }
  }

  private static Optional<String> text(SettingSource source, String name) {
    return source.find(name).map(SettingSource.Found::value).filter(v -> !v.isEmpty());
  }

  private static Optional<String> token(SettingSource source) {
    Optional<SettingSource.Found> found = source.find(API_TOKEN);
    if (found.isEmpty() || found.get().value().isEmpty()) {
      return Optional.empty();
    }
    String value = found.get().value();
    if (value.length() < 16 || value.length() > 512 || !value.matches("[\\x21-\\x7e]+")) {
      // Not echoed back: the value is a secret, even when it is a wrong one.
      throw new SettingsException(
          "Setting "
              + API_TOKEN
              + " (from "
              + found.get().origin()
              + ") must be 16 to 512 printable characters without spaces");
    }
    return Optional.of(value);
  }

  private static int maxBody(SettingSource source) {
    Optional<SettingSource.Found> found = source.find(MAX_BODY);
    if (found.isEmpty()) {
      return DEFAULT_MAX_BODY;
    }
    Matcher m = SIZE.matcher(found.get().value().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw found.get().invalid("must be a size such as 1048576, 512KiB or 1MiB");
    }
    long bytes = Long.parseLong(m.group(1)) * unit(m.group(2));
    if (bytes < 1 || bytes > MAX_BODY_CEILING) {
      throw found.get().invalid("must be between 1 byte and 64MiB");
    }
    return (int) bytes;
  }

  private static long unit(String suffix) {
    if (suffix.startsWith("k")) {
      return 1024;
    }
    return suffix.startsWith("m") ? 1024 * 1024 : 1;
  }

  private static String cacheControl(SettingSource source) {
    Optional<SettingSource.Found> found = source.find(CACHE_CONTROL);
    if (found.isEmpty()) {
      return DEFAULT_CACHE_CONTROL;
    }
    if (!HEADER_VALUE.matcher(found.get().value()).matches()) {
      throw found.get().invalid("must be 1 to 200 printable ASCII characters");
    }
    return found.get().value();
  }

  private static boolean flag(SettingSource source, String name) {
    Optional<SettingSource.Found> found = source.find(name);
    if (found.isEmpty()) {
      return false;
    }
    String value = found.get().value().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw found.get().invalid("must be true or false");
  }

  private static int refreshSeconds(SettingSource source) {
    Optional<SettingSource.Found> found = source.find(REFRESH);
    if (found.isEmpty()) {
      return 5;
    }
    String value = found.get().value();
    if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 86_400) {
      throw found.get().invalid("must be a whole number of seconds from 0 (never) to 86400");
    }
    return Integer.parseInt(value);
  }
}
