package org.placard.address;

/**
 * The hosts a published file is served to: one exact host ({@code mta-sts.example.com}), a wildcard
 * that matches exactly one extra leftmost label ({@code *.example.org} matches {@code
 * a.example.org} but neither {@code example.org} nor {@code a.b.example.org}), or every host
 * ({@code *}).
 *
 * @param kind which of the three forms this is
 * @param domain the canonical host for {@code EXACT}, the parent domain for {@code WILDCARD}, empty
 *     for {@code EVERY_HOST}
 */
public record Scope(Kind kind, String domain) {

  /** The three forms of a scope, in the order a request looks them up. */
  public enum Kind {
    EXACT,
    WILDCARD,
    EVERY_HOST
  }

  public static final Scope EVERY_HOST = new Scope(Kind.EVERY_HOST, "");

  /**
   * Parses a scope as an administrator writes it.
   *
   * @throws IllegalArgumentException with a message fit to show that administrator
   */
  public static Scope parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("scope is empty; use a host name, *.domain or *");
    }
    String value = text.trim();
    if (value.equals("*")) {
      return EVERY_HOST;
    }
    if (value.startsWith("*.")) {
      return new Scope(Kind.WILDCARD, host(value.substring(2), value));
    }
    if (value.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a scope: a wildcard may only be a whole leftmost label (*.domain)");
    }
    return new Scope(Kind.EXACT, host(value, value));
  }

  private static String host(String name, String original) {
    String canonical = HostNames.canonical(name);
    if (canonical == null || canonical.indexOf('.') < 0 && !canonical.equals("localhost")) {
      throw new IllegalArgumentException(
          "'" + original + "' is not a scope: '" + name + "' is not a fully qualified host name");
    }
    return canonical;
  }

  /** The scope as it is stored and shown: {@code host}, {@code *.domain} or {@code *}. */
  @Override
  public String toString() {
    return switch (kind) {
      case EXACT -> domain;
      case WILDCARD -> "*." + domain;
      case EVERY_HOST -> "*";
    };
  }
}
