package org.placard.serving;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses every method but GET and HEAD under {@code /.well-known} with 405 and {@code Allow: GET,
 * HEAD}, before resource matching: otherwise OPTIONS would be answered by the framework and unknown
 * methods would list OPTIONS as allowed.
 */
@PreMatching
public final class ReadOnlyFilter implements ContainerRequestFilter {

  private final PublicResponses responses;

  public ReadOnlyFilter(PublicResponses responses) {
    this.responses = responses;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    if (request.getUriInfo().getPath(true).startsWith(".well-known")) {
      request.abortWith(responses.toResponse(PublicAnswer.NOT_ALLOWED));
    }
  }
}
