package org.placard.app;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.placard.api.FilesApi;
import org.placard.api.StatusApi;
import org.placard.health.HealthResource;
import org.placard.serving.PublicPath;
import org.placard.serving.PublicResponses;
import org.placard.serving.ReadOnlyFilter;
import org.placard.serving.WellKnownResource;

/**
 * The JAX-RS application, mapped at the root because {@code /.well-known/} lives at the root of
 * every host. Resources are registered as ready-made singletons: nothing is instantiated or
 * injected per request.
 */
@ApplicationPath("/")
public class PlacardApplication extends ResourceConfig {

  public PlacardApplication(@Context ServletContext context) {
    Placard placard = StartupListener.from(context);
    PublicResponses responses = new PublicResponses(placard.settings().cacheControl());

    register(new WellKnownResource(new PublicPath(placard.live()), responses));
    register(new ReadOnlyFilter(responses));
    register(new HealthResource(placard.live()));
    register(new FilesApi(placard.publisher(), placard.store(), placard.settings().maxBodyBytes()));
    register(new StatusApi(placard.live(), placard.store()));
    register(JacksonFeature.class);
    register(new ErrorMappers.InvalidInput());
    register(new ErrorMappers.Store());
    register(new ErrorMappers.Unavailable());
    register(new ErrorMappers.Web());
    register(new ErrorMappers.Unexpected());

    // Errors are answered by Placard itself, never by the container's error page.
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.BV_FEATURE_DISABLE, true);
    property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    property(ServerProperties.MONITORING_ENABLED, false);
  }
}
