package org.placard.store;

/** A change the store refused because of the state it found (not because of bad input). */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the change was refused, in terms an API client can act on. */
  public enum Reason {
    NOT_FOUND,
    NO_SUCH_REVISION,
    REVISION_HAS_NO_CONTENT
  }

  private final Reason reason;

  public StoreException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
