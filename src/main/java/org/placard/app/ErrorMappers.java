package org.placard.app;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.placard.api.ApiError;
import org.placard.api.ApiErrors;
import org.placard.publish.InvalidInputException;
import org.placard.store.DatabaseUnavailableException;
import org.placard.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every failure is answered: API clients get JSON naming the field and the problem, everyone
 * else a short plain-text line. Unexpected failures are logged with an id that the answer shows
 * too, and nothing ever shows a stack trace.
 */
final class ErrorMappers {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {}

  /** 400 (413 for an oversized body) with the field at fault. */
  static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return ApiErrors.of(e);
    }
  }

  /** 404 for an unknown file or revision, 409 for a rollback that cannot be done. */
  static final class Store implements ExceptionMapper<StoreException> {
    @Override
    public Response toResponse(StoreException e) {
      int status = e.reason() == StoreException.Reason.REVISION_HAS_NO_CONTENT ? 409 : 404;
      return ApiErrors.json(status, new ApiError(status, null, e.getMessage()));
    }
  }

  /**
   * 503 with Retry-After while the database cannot be reached. The public path is not affected: it
   * answers from memory. Logged as one line, since an outage is not a fault of this member.
   */
  static final class Unavailable implements ExceptionMapper<DatabaseUnavailableException> {
    static final String RETRY_SECONDS = "5";

    @Override
    public Response toResponse(DatabaseUnavailableException e) {
      LOG.warn("API call answered 503: {}", e.getMessage());
      String problem = e.getMessage() + "; try again shortly";
      return Response.fromResponse(ApiErrors.json(503, new ApiError(503, null, problem)))
          .header("Retry-After", RETRY_SECONDS)
          .build();
    }
  }

  /** The framework's own answers (404, 405, 415, ...), keeping their headers such as Allow. */
  static final class Web implements ExceptionMapper<WebApplicationException> {
    @Context private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      int status = original.getStatus();
      String reason = original.getStatusInfo().getReasonPhrase();
      Response.ResponseBuilder answer = Response.fromResponse(original).entity(null);
      if (uri.getPath(false).startsWith("api/")) {
        return answer
            .type(MediaType.APPLICATION_JSON)
            .entity(new ApiError(status, null, reason))
            .build();
      }
      return plain(answer, reason);
    }
  }

  /** 500 with an id to find the stack trace in the log. */
  static final class Unexpected implements ExceptionMapper<Throwable> {
    @Context private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("Unexpected failure {}", id, e);
      String problem = "internal error " + id + "; the server log has the details";
      if (isApi(uri)) {
        return ApiErrors.json(500, new ApiError(500, null, problem));
      }
      return plain(Response.serverError(), problem);
    }
  }

  /** Whether a request addressed the API, however its first segment was decorated. */
  private static boolean isApi(UriInfo uri) {
    var segments = uri.getPathSegments(true);
    return !segments.isEmpty() && segments.get(0).getPath().equals("api");
  }

  private static Response plain(Response.ResponseBuilder answer, String text) {
    return answer
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .entity(text + "\n")
        .build();
  }
}
