package org.placard.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.placard.publish.Bodies;
import org.placard.publish.InvalidInputException;
import org.placard.publish.Publisher;
import org.placard.store.CurrentFile;
import org.placard.store.FileStore;
import org.placard.store.FileSummary;
import org.placard.store.StoreException;

/**
 * Files under {@code /api/v1}. {@code {scope}} is a host, {@code *.domain} or {@code *}; {@code
 * {name}} is the path under {@code /.well-known/} and may contain {@code /}.
 *
 * <ul>
 *   <li>{@code PUT /hosts/{scope}/files/{name}}: the raw body and its {@code Content-Type} become a
 *       new revision; 201 when the file is new, 200 otherwise; live when the call returns.
 *   <li>{@code GET /hosts/{scope}/files/{name}}: the file and its revisions, newest first.
 *   <li>{@code POST /hosts/{scope}/files/{name}?rollbackTo=N}: revision N's content again.
 *   <li>{@code DELETE /hosts/{scope}/files/{name}}: out of service, history kept.
 *   <li>{@code GET /hosts/{scope}/revisions/{n}/{name}}: the exact bytes of revision n.
 *   <li>{@code GET /files?offset=&limit=}: every file, a page at a time.
 * </ul>
 *
 * Answers 400 (or 413 for a body over the limit) naming the field at fault, 404 for an unknown file
 * or revision, and 409 for a rollback to a revision that has no content.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class FilesApi {

  static final String COMMENT_HEADER = "X-Placard-Comment";
  static final String AUTHOR_HEADER = "X-Placard-Author";
  static final int MAX_PAGE = 500;
  private static final String FILE = "hosts/{scope}/files/{name: .+}";

  private final Publisher publisher;
  private final FileStore store;
  private final int maxBodyBytes;

  public FilesApi(Publisher publisher, FileStore store, int maxBodyBytes) {
    this.publisher = publisher;
    this.store = store;
    this.maxBodyBytes = maxBodyBytes;
  }

  @PUT
  @Path(FILE)
  @Consumes(MediaType.WILDCARD)
  public Response publish(
      @PathParam("scope") String scope,
      @PathParam("name") String name,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") Long contentLength,
      @HeaderParam(AUTHOR_HEADER) String author,
      @HeaderParam(COMMENT_HEADER) String comment,
      InputStream body) {
    if (contentLength != null && contentLength > maxBodyBytes) {
      throw InvalidInputException.tooLarge(maxBodyBytes);
    }
    byte[] bytes = Bodies.read(body, maxBodyBytes);

    Publisher.Outcome outcome =
        publisher.publish(
            new Publisher.Request(scope, name, contentType, bytes, author(author), comment));

    Response.Status status = outcome.created() ? Response.Status.CREATED : Response.Status.OK;
    return Response.status(status).entity(FileView.of(outcome.current())).build();
  }

  @GET
  @Path(FILE)
  public FileView describe(@PathParam("scope") String scope, @PathParam("name") String name) {
    FileSummary summary = publisher.history(scope, name).orElseThrow(() -> notFound(scope, name));
    FileView view = FileView.of(summary);
    if (!summary.inService()) {
      return view;
    }
    CurrentFile current =
        publisher.revisionContent(scope, name, summary.current().number()).orElseThrow();
    return FileView.withHistory(FileView.of(current), view.revisions());
  }

  @POST
  @Path(FILE)
  public FileView rollback(
      @PathParam("scope") String scope,
      @PathParam("name") String name,
      @QueryParam("rollbackTo") String rollbackTo,
      @HeaderParam(AUTHOR_HEADER) String author,
      @HeaderParam(COMMENT_HEADER) String comment) {
    int number = ApiErrors.intParam(rollbackTo, "rollbackTo", 0);
    if (number < 1) {
      throw new InvalidInputException("rollbackTo", "must be the number of an earlier revision");
    }
    return FileView.of(publisher.rollback(scope, name, number, author(author), comment));
  }

  @DELETE
  @Path(FILE)
  public Map<String, Object> remove(
      @PathParam("scope") String scope,
      @PathParam("name") String name,
      @HeaderParam(AUTHOR_HEADER) String author,
      @HeaderParam(COMMENT_HEADER) String comment) {
    int revision = publisher.remove(scope, name, author(author), comment);
    return Map.of(
        "scope",
        Publisher.scope(scope).toString(),
        "name",
        name,
        "inService",
        false,
        "revision",
        revision);
  }

  @GET
  @Path("hosts/{scope}/revisions/{number: [0-9]{1,9}}/{name: .+}")
  @Produces(MediaType.WILDCARD)
  public Response content(
      @PathParam("scope") String scope,
      @PathParam("name") String name,
      @PathParam("number") int number) {
    CurrentFile revision =
        publisher.revisionContent(scope, name, number).orElseThrow(() -> notFound(scope, name));
    return Response.ok(revision.body())
        .header("Content-Type", revision.contentType())
        .header("Content-Disposition", "attachment")
        .build();
  }

  @GET
  @Path("files")
  public Map<String, Object> list(
      @QueryParam("offset") String offsetText, @QueryParam("limit") String limitText) {
    int offset = ApiErrors.intParam(offsetText, "offset", 0);
    int limit = ApiErrors.intParam(limitText, "limit", 100);
    if (offset < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
    }
    List<FileView> items = store.list(offset, limit).stream().map(FileView::of).toList();
    return Map.of("offset", offset, "limit", limit, "total", store.count(), "items", items);
  }

  /** Changes made through the API are recorded as made by "api", or by the named caller. */
  private static String author(String caller) {
    return caller == null || caller.isBlank() ? "api" : caller.strip() + " (api)";
  }

  private static StoreException notFound(String scope, String name) {
    return new StoreException(StoreException.Reason.NOT_FOUND, "no file " + name + " in " + scope);
  }
}
