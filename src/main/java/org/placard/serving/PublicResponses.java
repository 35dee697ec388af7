package org.placard.serving;

import jakarta.ws.rs.core.Response;

/**
 * Turns a {@link PublicAnswer} into a JAX-RS response with the public path's headers: the stored
 * content type verbatim, validators, the configured {@code Cache-Control} and {@code nosniff} on
 * every answer, and never a cookie.
 */
public final class PublicResponses {

  static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final String cacheControl;

  public PublicResponses(String cacheControl) {
    this.cacheControl = cacheControl;
  }

  public Response toResponse(PublicAnswer answer) {
    Response.ResponseBuilder response =
        Response.status(answer.status()).header("X-Content-Type-Options", "nosniff");
    ServedFile file = answer.file();
    if (file == null) {
      return message(response, answer).build();
    }

    response
        .header("ETag", file.etag())
        .header("Last-Modified", file.lastModified())
        .header("Cache-Control", cacheControl);
    if (answer.status() == 200) {
      // Strings, not MediaType objects: the type goes out exactly as it was stored.
      response
          .header("Content-Type", file.contentType())
          .header("Content-Length", file.contentLength())
          .entity(file.body());
    }
    return response.build();
  }

  private static Response.ResponseBuilder message(
      Response.ResponseBuilder response, PublicAnswer answer) {
    response
        .header("Content-Type", PLAIN_TEXT)
        .header("Cache-Control", "no-store")
        .entity(answer.message());
    if (answer.allowHeader()) {
      response.header("Allow", PublicAnswer.ALLOWED_METHODS);
    }
    return response;
  }
}
