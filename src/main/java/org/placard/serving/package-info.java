/**
 * The public path: answers {@code GET} and {@code HEAD} for {@code /.well-known/*} on any host from
 * an immutable in-memory snapshot. Nothing here touches the database while a request is served;
 * changes arrive by swapping the snapshot.
 */
package org.placard.serving;
