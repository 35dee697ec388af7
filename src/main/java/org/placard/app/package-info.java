/**
 * Start-up and wiring: reads the settings, opens the database, loads the snapshot and registers the
 * JAX-RS resources of every feature. Also maps every failure to an answer that shows no stack
 * trace, server name or version.
 */
package org.placard.app;
