package org.placard.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * Guards everything under {@code /api/}: without the right bearer token a request gets 401 and
 * learns nothing else, not even whether the path exists (so this runs before matching).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {

  private final ApiToken token;

  public BearerTokenFilter(ApiToken token) {
    this.token = token;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath(false).startsWith("api/")) {
      return;
    }
    if (!token.matches(request.getHeaderString("Authorization"))) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header("WWW-Authenticate", "Bearer realm=\"placard\"")
              .header("Cache-Control", "no-store")
              .type("application/json")
              .entity(new ApiError(401, null, "a valid bearer token is required"))
              .build());
    }
  }
}
