package org.ringplatform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API at {@code /api}. A CDI bean so that MicroProfile JWT can attach to it; resources and
 * providers are discovered by scanning.
 */
@ApplicationPath("/api")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Ring API",
            version = "1",
            description =
                "Public and member API of a Ring platform. Errors are RFC 9457 problems."))
public class RingApplication extends Application {}
