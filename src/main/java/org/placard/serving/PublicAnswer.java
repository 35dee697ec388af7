package org.placard.serving;

import java.nio.charset.StandardCharsets;

/**
 * What the public path answers to one request: a status and either a file or a short plain-text
 * message. The error answers are constants, so a refused request costs no allocation either.
 */
public record PublicAnswer(int status, ServedFile file, byte[] message, boolean allowHeader) {

  static final PublicAnswer BAD_HOST = error(400, "Bad request: missing or malformed Host header");
  static final PublicAnswer BAD_PATH = error(400, "Bad request: not a well-known file name");
  static final PublicAnswer NOT_FOUND = error(404, "Not found");
  static final PublicAnswer NOT_ALLOWED =
      new PublicAnswer(405, null, bytes("Method not allowed"), true);
  static final PublicAnswer UNAVAILABLE = error(503, "Service unavailable: files not loaded yet");

  /** The value of {@code Allow} on a 405: the public path is read-only. */
  public static final String ALLOWED_METHODS = "GET, HEAD";

  static PublicAnswer ok(ServedFile file) {
    return new PublicAnswer(200, file, null, false);
  }

  static PublicAnswer notModified(ServedFile file) {
    return new PublicAnswer(304, file, null, false);
  }

  private static PublicAnswer error(int status, String text) {
    return new PublicAnswer(status, null, bytes(text), false);
  }

  private static byte[] bytes(String text) {
    return (text + "\n").getBytes(StandardCharsets.US_ASCII);
  }
}
