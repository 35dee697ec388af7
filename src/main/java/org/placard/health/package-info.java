/**
 * The health check a load balancer's monitor polls. It reports whether this member can answer the
 * public path, which depends only on the snapshot being loaded, not on the database.
 */
package org.placard.health;
