package org.ringplatform.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.DemoJwtKeys;
import org.ringplatform.identity.TokenService;

/**
 * Signs access tokens with the deployment's RSA key: {@code ring.jwt.private-key} (PEM) or {@code
 * ring.jwt.private-key-location} (a PEM file), or the demo key pair in demo mode. The claims are
 * the ones MicroProfile JWT reads: iss, sub, upn, groups, iat, exp, jti; plus the account's session
 * epoch, so that a suspended account's tokens stop working at once.
 */
@ApplicationScoped
class JwtSigner {

  private static final Logger LOG = Logger.getLogger(JwtSigner.class.getName());

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "ring")
  String issuer;

  @Inject
  @ConfigProperty(name = "ring.jwt.private-key")
  Optional<String> privateKeyPem;

  @Inject
  @ConfigProperty(name = "ring.jwt.private-key-location")
  Optional<String> privateKeyLocation;

  private RSASSASigner signer;

  @PostConstruct
  void init() {
    RSAPrivateKey key = null;
    try {
      if (privateKeyPem.filter(s -> !s.isBlank()).isPresent()) {
        key = DemoJwtKeys.parsePrivateKey(privateKeyPem.get());
      } else if (privateKeyLocation.filter(s -> !s.isBlank()).isPresent()) {
        String location = privateKeyLocation.get().replaceFirst("^file:", "");
        key =
            DemoJwtKeys.parsePrivateKey(
                Files.readString(Path.of(location), StandardCharsets.US_ASCII));
      } else if (DemoJwtKeys.applies()) {
        key = DemoJwtKeys.privateKey();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ring.jwt.private-key-location", e);
    }
    if (key == null) {
      LOG.warning("No API token key is configured: POST /api/auth/token answers 503");
    } else {
      signer = new RSASSASigner(key);
    }
  }

  boolean available() {
    return signer != null;
  }

  String sign(AuthenticatedUser user) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(String.valueOf(user.id()))
            .claim("upn", user.email())
            .claim("groups", user.groups())
            .claim("role", user.role().id())
            .claim("epoch", user.epoch())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(TokenService.ACCESS_SECONDS)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign an access token", e);
    }
    return jwt.serialize();
  }
}
