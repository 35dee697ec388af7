package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions shared by the IT classes. */
final class Answers {

  private Answers() {}

  /** No answer of Placard names its server or sets a cookie. */
  static void assertNoServerOrCookie(HttpResponse<?> response) {
    assertThat(response.headers().firstValue("Server")).as("Server header").isEmpty();
    assertThat(response.headers().firstValue("Set-Cookie")).as("Set-Cookie header").isEmpty();
  }

  /** Neither the container's name and version nor a stack trace, in the headers or the body. */
  static void assertNoLeak(RawResponse response) {
    assertNoLeak(response, "answer");
  }

  /** Like {@link #assertNoLeak(RawResponse)}, describing the request in a failure. */
  static void assertNoLeak(RawResponse response, String request) {
    assertThat(response.header("Server")).as("Server header to %s", request).isEmpty();
    assertThat(response.header("Set-Cookie")).as("Set-Cookie header to %s", request).isEmpty();
    assertThat(response.text())
        .as("answer to %s", request)
        .doesNotContain("Apache Tomcat")
        .doesNotContain("at org.")
        .doesNotContain("Exception");
  }

  /** A JSON error of the API: the status again in the body and, when given, the field at fault. */
  static JsonNode assertJsonError(HttpResponse<byte[]> response, int status, String field) {
    assertThat(response.statusCode()).as("status of %s", Http.text(response)).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as("Content-Type of the %d answer to %s", status, response.request().uri())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode error = Http.json(response);
    assertThat(error.path("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(error.path("field").asText()).isEqualTo(field);
    }
    assertThat(error.toString()).doesNotContain("at org.").doesNotContain("Exception");
    return error;
  }
}
