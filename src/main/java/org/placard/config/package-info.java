/**
 * Start-up settings: each one is read from a system property, an environment variable or a JNDI
 * {@code java:comp/env} entry, in that order. A wrong value stops start-up with one message that
 * names the setting and what was wrong.
 */
package org.placard.config;
