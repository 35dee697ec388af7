package org.placard.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error: the status, the field at fault when there is one, the problem.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String field, String problem) {}
