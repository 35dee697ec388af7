package org.placard.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks a setting up by its dotted name ({@code placard.db.url}): first as a system property, then
 * as an environment variable ({@code PLACARD_DB_URL}), then as a JNDI entry {@code
 * java:comp/env/placard.db.url} so that a container's context configuration can provide it.
 */
public final class SettingSource {

  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;
  private final Function<String, Object> jndi;

  SettingSource(
      Function<String, String> systemProperties,
      Function<String, String> environment,
      Function<String, Object> jndi) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.jndi = jndi;
  }

  /** The source a running server uses: the JVM, the process environment and the container. */
  public static SettingSource system() {
    return new SettingSource(System::getProperty, System::getenv, SettingSource::containerEntry);
  }

  /** A source backed by fixed maps, for tests and tools. */
  public static SettingSource of(Map<String, String> properties, Map<String, String> env) {
    return new SettingSource(properties::get, env::get, name -> null);
  }

  /** The environment variable that stands for a dotted setting name. */
  public static String environmentName(String name) {
    return name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The raw text of a setting and where it came from, if it is set anywhere. */
  public Optional<Found> find(String name) {
    String value = systemProperties.apply(name);
    if (value != null) {
      return Optional.of(Found.of(name, "system property " + name, value));
    }

    String envName = environmentName(name);
    value = environment.apply(envName);
    if (value != null) {
      return Optional.of(Found.of(name, "environment variable " + envName, value));
    }

    Object bound = jndi.apply(name);
    if (bound != null) {
      String where = "JNDI entry java:comp/env/" + name;
      return Optional.of(Found.of(name, where, bound.toString()));
    }
    return Optional.empty();
  }

  /**
   * Any object this source finds under {@code java:comp/env}, such as a container DataSource, or
   * {@code null}.
   */
  public Object lookupJndi(String name) {
    return jndi.apply(name);
  }

  private static Object containerEntry(String name) {
    try {
      return new InitialContext().lookup("java:comp/env/" + name);
    } catch (NamingException | RuntimeException e) {
      // No naming service (plain JVM) or nothing bound: both mean "not set here".
      return null;
    }
  }

  /**
   * A setting's value with the place it came from, for error messages. {@code value} is trimmed,
   * since a stray space in a URL or a number is a slip; {@code verbatim} is kept as given, for
   * secrets such as a database password, where a space may be meant.
   */
  public record Found(String name, String origin, String value, String verbatim) {

    static Found of(String name, String origin, String verbatim) {
      return new Found(name, origin, verbatim.trim(), verbatim);
    }

    SettingsException invalid(String problem) {
      return new SettingsException(
          "Setting " + name + " (from " + origin + ") " + problem + ", got '" + value + "'");
    }
  }
}
