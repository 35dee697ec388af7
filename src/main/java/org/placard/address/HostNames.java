package org.placard.address;

import com.ibm.icu.text.IDNA;
import java.util.Locale;

/**
 * Canonical host names. The serving path calls {@link #fromHostHeader} on every request, so the
 * common case (an already canonical name) returns the very string it was given.
 */
public final class HostNames {

  static final int MAX_LENGTH = 253;
  private static final int MAX_LABEL = 63;
  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(
          IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.NONTRANSITIONAL_TO_UNICODE
              | IDNA.USE_STD3_RULES
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ);

  private HostNames() {}

  /**
   * The canonical host of a {@code Host} header value: port and one trailing dot removed, lower
   * case, international names in A-label form. Returns {@code null} when the value is missing or
   * not a host name, an IPv4 address or a bracketed IPv6 address.
   */
  public static String fromHostHeader(String header) {
    if (header == null || header.isEmpty() || header.length() > MAX_LENGTH + 7) {
      return null;
    }
    if (header.charAt(0) == '[') {
      return ipv6Literal(header);
    }

    int colon = header.lastIndexOf(':');
    String host = header;
    if (colon >= 0) {
      if (!isPort(header, colon + 1)) {
        return null;
      }
      host = header.substring(0, colon);
    }
    return normalise(host);
  }

  /**
   * The canonical form of a host name given by an administrator (no port). Returns {@code null}
   * when it is not a valid host name. Stricter than {@link #fromHostHeader} in one way: labels
   * already in A-label form must decode, so that no scope is stored that no client can ask for.
   * Host headers skip that check because a name that cannot be stored cannot match either.
   */
  public static String canonical(String name) {
    String host = normalise(name);
    return host != null && hasValidALabels(host) ? host : null;
  }

  private static String normalise(String name) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    String host = name.charAt(name.length() - 1) == '.' ? strip(name) : name;
    if (isCanonical(host)) {
      return host;
    }
    String ascii = toAscii(host);
    return ascii != null && isCanonical(ascii) ? ascii : null;
  }

  private static String strip(String name) {
    return name.substring(0, name.length() - 1);
  }

  private static boolean hasValidALabels(String host) {
    if (!host.contains("xn--")) {
      return true;
    }
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToUnicode(host, new StringBuilder(host.length()), info);
    return !info.hasErrors();
  }

  /**
   * A-label form by IDNA 2008 as browsers and mail servers apply it (UTS #46, nontransitional):
   * {@code faß.de} becomes {@code xn--fa-hia.de}, where the JDK's IDNA 2003 would give {@code
   * fass.de}, a different domain. Upper case is folded and labels already in A-label form are
   * checked.
   */
  private static String toAscii(String host) {
    StringBuilder ascii = new StringBuilder(host.length() + 16);
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToASCII(host, ascii, info);
    return info.hasErrors() ? null : ascii.toString();
  }

  /** True for a lower-case LDH name of valid labels: what every stored scope is made of. */
  static boolean isCanonical(String host) {
    int length = host.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= length; i++) {
      char c = i == length ? '.' : host.charAt(i);
      if (c == '.') {
        if (!isLabel(host, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      } else if (!isLdh(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabel(String host, int start, int end) {
    int length = end - start;
    return length > 0
        && length <= MAX_LABEL
        && host.charAt(start) != '-'
        && host.charAt(end - 1) != '-';
  }

  private static boolean isLdh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isPort(String header, int from) {
    int digits = header.length() - from;
    if (digits < 1 || digits > 5) {
      return false;
    }
    int port = 0;
    for (int i = from; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65_535;
  }

  private static String ipv6Literal(String header) {
    int close = header.indexOf(']');
    if (close < 3) {
      return null;
    }
    boolean portOk =
        close == header.length() - 1
            || (header.charAt(close + 1) == ':' && isPort(header, close + 2));
    String address = header.substring(1, close).toLowerCase(Locale.ROOT);
    if (!portOk || !address.matches("[0-9a-f:.]+")) {
      return null;
    }
    return "[" + address + "]";
  }
}
