package org.placard.serving;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/{name}} on any host. Answers 200 with the file (or 304 when the client's
 * validators match), 400 for a malformed Host header or a name that is not a valid well-known name,
 * 404 when no scope of the host has the file, and 503 before the files are loaded. Other methods
 * get 405 from {@link ReadOnlyFilter}. Never redirects, not even for {@code /.well-known}. Requests
 * that find a file are answered before they reach JAX-RS, by {@link FastPathFilter}, with the same
 * rules.
 */
@Path("/.well-known")
public final class WellKnownResource {

  private final PublicPath path;
  private final PublicResponses responses;

  public WellKnownResource(PublicPath path, PublicResponses responses) {
    this.path = path;
    this.responses = responses;
  }

  @GET
  public Response folder() {
    return responses.toResponse(PublicAnswer.NOT_FOUND);
  }

  @GET
  @Path("{name: .*}")
  public Response file(@Context HttpServletRequest request) {
    return responses.toResponse(path.answer(request));
  }
}
