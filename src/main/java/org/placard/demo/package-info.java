/**
 * Demo content for trying Placard out: a few files published at start-up when {@code
 * placard.demo=true}. The content itself lives in {@code sql/demo}, next to the schema.
 */
package org.placard.demo;
