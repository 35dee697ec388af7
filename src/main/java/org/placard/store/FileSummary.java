package org.placard.store;

import java.util.List;

/**
 * A published file as the API and console list it: its identity, the revision in service (absent
 * when removed from service) and, when asked for, its whole history, newest first.
 */
public record FileSummary(
    String scope, String name, RevisionInfo current, List<RevisionInfo> revisions) {

  public boolean inService() {
    return current != null;
  }
}
