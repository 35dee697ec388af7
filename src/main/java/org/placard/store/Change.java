package org.placard.store;

import java.time.Instant;

/**
 * What an administrator asks to store: the content (absent for a removal) and who asked, when and
 * why. Validation happens before a change gets here.
 */
public record Change(String contentType, byte[] body, String author, String comment, Instant at) {

  /** Who, when and why, without content: a removal, or a rollback whose content the store finds. */
  public static Change withoutContent(String author, String comment, Instant at) {
    return new Change(null, null, author, comment, at);
  }
}
