package org.placard.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.placard.publish.InvalidInputException;

/** The JSON answers of the API for refused input. */
public final class ApiErrors {

  private ApiErrors() {}

  /** 400 (413 for an oversized body) naming the field at fault. */
  public static Response of(InvalidInputException e) {
    int status = e.isTooLarge() ? 413 : 400;
    return json(status, new ApiError(status, e.field(), e.field() + " " + e.problem()));
  }

  public static Response json(int status, ApiError error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .entity(error)
        .build();
  }

  /**
   * A whole number from a query parameter. Parsed here rather than by the framework, which answers
   * 404 to a parameter it cannot convert.
   */
  public static int intParam(String value, String field, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "must be a whole number, got '" + value + "'");
    }
  }
}
