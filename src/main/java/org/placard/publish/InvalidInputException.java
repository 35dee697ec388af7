package org.placard.publish;

/** Input that breaks a publishing rule; names the field and says what is wrong with it. */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final boolean tooLarge;

  public InvalidInputException(String field, String problem) {
    this(field, problem, false);
  }

  private InvalidInputException(String field, String problem, boolean tooLarge) {
    super(problem, null, false, false);
    this.field = field;
    this.tooLarge = tooLarge;
  }

  /** A body over the configured limit (HTTP 413 rather than 400). */
  public static InvalidInputException tooLarge(int limit) {
    return new InvalidInputException(
        "body", "is larger than the limit of " + limit + " bytes", true);
  }

  public String field() {
    return field;
  }

  public String problem() {
    return getMessage();
  }

  public boolean isTooLarge() {
    return tooLarge;
  }
}
