package org.ringplatform.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API at {@code /api}. Callers authenticate with a bearer access token from {@code POST
 * /api/auth/token}, verified by MicroProfile JWT; roles are the rungs of the ladder, a higher role
 * holding every lower one. A CDI bean so that MicroProfile JWT can attach to it.
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "ring")
@DeclareRoles({"subscriber", "member", "confidential", "admin", "superadmin"})
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Ring API",
            version = "1",
            description =
                "Public and member API of a Ring platform. Errors are RFC 9457 problems."))
public class RingApplication extends Application {}
