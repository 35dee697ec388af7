package org.placard.address;

/**
 * Names under {@code /.well-known/}: one or more RFC 8615 path segments separated by {@code /}
 * ({@code mta-sts.txt}, {@code matrix/server}). Only unreserved URI characters are accepted, so a
 * name never needs percent-encoding and can never be {@code .} or {@code ..}: a stored name can
 * neither collide with another spelling of itself nor step out of {@code /.well-known/}.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** Whether {@code name} is a valid name; used on the serving path, so it allocates nothing. */
  public static boolean isValid(CharSequence name, int from, int to) {
    int length = to - from;
    if (length < 1 || length > MAX_LENGTH) {
      return false;
    }
    int segmentStart = from;
    for (int i = from; i <= to; i++) {
      char c = i == to ? '/' : name.charAt(i);
      if (c == '/') {
        if (!isSegment(name, segmentStart, i)) {
          return false;
        }
        segmentStart = i + 1;
      } else if (!isUnreserved(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a name given by an administrator.
   *
   * @throws IllegalArgumentException with a message fit to show that administrator
   */
  public static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("name is longer than " + MAX_LENGTH + " characters");
    }
    if (!isValid(name, 0, name.length())) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a well-known name: use segments of letters, digits, '.', '-', '_'"
              + " and '~' separated by single '/', none of them '.' or '..'");
    }
    return name;
  }

  private static boolean isSegment(CharSequence name, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return false;
    }
    boolean dots = name.charAt(start) == '.' && (length == 1 || name.charAt(start + 1) == '.');
    return !(dots && length <= 2);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
