package org.placard.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests that speak HTTP to the WAR the build produced, deployed as the root
 * context of an embedded Tomcat. Each test class gets its own deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWarTest {

  @ArquillianResource private URL base;

  /** A client for the deployed WAR, ready before each test. */
  protected Http http;

  @Deployment(testable = false)
  static WebArchive war() {
    return DeployedWar.asRoot();
  }

  @BeforeEach
  void connect() {
    http = new Http(base);
  }
}
