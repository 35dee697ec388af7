package org.placard.publish;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content types of published files: the default for a well-known name, the syntax a stored type
 * must have (it is sent back verbatim as a header, so it can never carry a line break), and the
 * charset a textual body must be valid in.
 */
public final class ContentTypes {

  public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  public static final String JSON = "application/json";
  public static final String PAC = "application/x-ns-proxy-autoconfig";
  static final int MAX_LENGTH = 255;

  private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
  private static final Pattern SYNTAX =
      Pattern.compile(
          "("
              + TOKEN
              + ")/("
              + TOKEN
              + ")([ \\t]*;[ \\t]*"
              + TOKEN
              + "=(?:"
              + TOKEN
              + "|\"[ -~&&[^\";\\\\]]*\"))*");
  private static final Pattern CHARSET =
      Pattern.compile(";[ \\t]*charset=\"?([A-Za-z0-9!#$&^_.+-]+)\"?", Pattern.CASE_INSENSITIVE);

  private ContentTypes() {}

  /**
   * The type served when an administrator gives none, or {@code null} when there is no safe guess.
   */
  public static String defaultFor(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (last.endsWith(".txt")) {
      return TEXT_PLAIN_UTF8;
    }
    if (last.endsWith(".json") || last.equals("apple-app-site-association")) {
      return JSON;
    }
    if (last.endsWith(".pac") || last.equals("wpad.dat")) {
      return PAC;
    }
    if (last.endsWith(".html") || last.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    }
    return null;
  }

  /**
   * The content type to store for {@code name}: the given one after checking it, or the default.
   *
   * @throws InvalidInputException naming the field {@code contentType}
   */
  public static String resolve(String name, String given) {
    String type = given == null || given.isBlank() ? defaultFor(name) : given.trim();
    if (type == null) {
      throw new InvalidInputException(
          "contentType", "is required for '" + name + "': no default type is known for this name");
    }
    check(type);
    requireTextPlainForMtaSts(name, type);
    return canonical(type);
  }

  /**
   * The form in which servlet containers put a type with a charset on the wire: parameters joined
   * by {@code ;} without spaces and the charset, unquoted, last. Storing that form means the header
   * a client receives is byte for byte the stored value. A type without a charset is kept as
   * written, since containers pass it through untouched.
   */
  static String canonical(String type) {
    Matcher charset = CHARSET.matcher(type);
    if (!charset.find()) {
      return type;
    }
    StringBuilder result = new StringBuilder();
    for (String part : type.split(";")) {
      String trimmed = part.trim();
      if (!trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        result.append(result.length() == 0 ? "" : ";").append(trimmed);
      }
    }
    return result.append(";charset=").append(charset.group(1)).toString();
  }

  /**
   * Checks the syntax of a type and that its charset, if any, is known.
   *
   * @throws InvalidInputException naming the field {@code contentType}
   */
  public static void check(String type) {
    if (type.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "contentType", "is longer than " + MAX_LENGTH + " characters");
    }
    Matcher m = SYNTAX.matcher(type);
    if (!m.matches()) {
      throw new InvalidInputException(
          "contentType", "'" + printable(type) + "' is not a media type such as text/plain");
    }
    if (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new InvalidInputException(
          "contentType",
          "application/x-www-form-urlencoded is what curl sends by default, not a type to serve;"
              + " pass the type with -H 'Content-Type: ...'");
    }
    charsetOf(type);
  }

  /**
   * RFC 8461 section 3.2: the policy is served as text/plain; mail servers refuse anything else.
   */
  private static void requireTextPlainForMtaSts(String name, String type) {
    if (name.equals("mta-sts.txt") && !mediaType(type).equals("text/plain")) {
      throw new InvalidInputException(
          "contentType", "must be text/plain for mta-sts.txt (RFC 8461), got " + type);
    }
  }

  /** The lower-case {@code type/subtype} without parameters. */
  public static String mediaType(String type) {
    int semicolon = type.indexOf(';');
    String bare = semicolon < 0 ? type : type.substring(0, semicolon);
    return bare.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The charset a body of this type must decode in, or {@code null} for a binary type. Textual
   * types without a charset parameter are held to UTF-8, which is what browsers and mail servers
   * assume for them in practice.
   */
  public static Charset charsetOf(String type) {
    Matcher m = CHARSET.matcher(type);
    if (m.find()) {
      return charset(m.group(1));
    }
    return isTextual(mediaType(type)) ? StandardCharsets.UTF_8 : null;
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidInputException("contentType", "names an unknown charset '" + name + "'");
    }
  }

  private static boolean isTextual(String media) {
    return media.startsWith("text/")
        || media.endsWith("+json")
        || media.endsWith("+xml")
        || media.equals(JSON)
        || media.equals("application/xml")
        || media.equals("application/javascript")
        || media.equals(PAC);
  }

  private static String printable(String text) {
    return text.replaceAll("[^ -~]", "?");
  }
}
