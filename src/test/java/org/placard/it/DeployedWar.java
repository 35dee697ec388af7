package org.placard.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} produced, deployed as the root context like in production. */
final class DeployedWar {

  private DeployedWar() {}

  static WebArchive asRoot() {
    File war = new File(System.getProperty("placard.war", "target/placard.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with `mvn verify`");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
