package org.placard.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {

  private static final String UTF8 = "text/plain; charset=utf-8";

  @Test
  void shouldAcceptValidTextInItsDeclaredCharset() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    assertThatCode(() -> Bodies.check("version: STSv1\r\n".getBytes(), UTF8, 100))
        .doesNotThrowAnyException();
    assertThatCode(() -> Bodies.check(latin1, "text/plain; charset=iso-8859-1", 100))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldPointAtTheFirstByteThatIsNotValidUtf8() {
    byte[] body = {'a', 'b', 'c', (byte) 0xff, 'd'};

    assertThatThrownBy(() -> Bodies.check(body, UTF8, 100))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("body");
              assertThat(e.problem()).contains("not valid UTF-8 at byte 3");
            });
  }

  @Test
  void shouldAcceptAnyBytesForABinaryType() {
    byte[] body = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

    assertThatCode(() -> Bodies.check(body, "image/png", 100)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    assertThatThrownBy(() -> Bodies.check(new byte[0], UTF8, 100)).hasMessageContaining("empty");
  }

  @Test
  void shouldRefuseABodyOverTheLimitWithoutReadingItAll() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[1000]);

    assertThatThrownBy(() -> Bodies.read(in, 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.isTooLarge()).isTrue());
    assertThat(in.available()).isEqualTo(1000 - 11);
  }

  @Test
  void shouldReadABodyAtTheLimit() {
    byte[] body = Bodies.read(new ByteArrayInputStream(new byte[10]), 10);

    assertThat(body).hasSize(10);
  }
}
