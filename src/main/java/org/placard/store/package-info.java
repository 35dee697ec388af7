/**
 * Persistence of published files and their revisions: the schema (migrated by Flyway from the
 * {@code sql} folder), the JPA entities and the transactions that change them. Nothing here is on
 * the public serving path, which reads only the in-memory snapshot.
 */
package org.placard.store;
