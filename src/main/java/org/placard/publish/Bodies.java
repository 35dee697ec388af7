package org.placard.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Reading and checking the body of a file, before anything is stored. */
public final class Bodies {

  private Bodies() {}

  /**
   * Reads at most {@code limit} bytes; more than that is refused without reading the rest.
   *
   * @throws InvalidInputException with {@link InvalidInputException#isTooLarge()} when over the
   *     limit
   */
  public static byte[] read(InputStream in, int limit) {
    try {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw InvalidInputException.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks a body against its content type: not empty, within the limit, and decodable without loss
   * in the type's charset when it is textual.
   */
  public static void check(byte[] body, String contentType, int limit) {
    if (body == null || body.length == 0) {
      throw new InvalidInputException("body", "is empty");
    }
    if (body.length > limit) {
      throw InvalidInputException.tooLarge(limit);
    }
    Charset charset = ContentTypes.charsetOf(contentType);
    if (charset != null) {
      requireDecodable(body, charset);
    }
  }

  private static void requireDecodable(byte[] body, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out =
        CharBuffer.allocate((int) (body.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      // On error the decoder stops at the first byte it could not decode.
      throw new InvalidInputException(
          "body",
          "is not valid "
              + charset.name()
              + " at byte "
              + in.position()
              + "; fix the encoding or declare the right charset in the content type");
    }
  }
}
