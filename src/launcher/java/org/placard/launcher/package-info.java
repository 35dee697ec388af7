/**
 * The launcher behind {@code java -jar placard.war}: it unpacks the WAR under the Placard home and
 * serves it from an embedded Apache Tomcat. A servlet container deploying the same WAR never loads
 * these classes, which live at the WAR root and under {@code META-INF/launcher/}.
 */
package org.placard.launcher;
