/**
 * The JSON API under {@code /api/v1} for automation: publish, inspect, roll back and remove files.
 * Every call needs the bearer token; bad input is answered with the field and the problem.
 */
package org.placard.api;
