package org.ringplatform.store.catalogue.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.RingAuthenticationMechanism;
import org.ringplatform.store.catalogue.CatalogueService;

/**
 * Serves product photos at {@code /store/images/<id>.<ext>} with their product's visibility: the
 * public gets photos of active products of active stores, the store's owner and admins all of a
 * product's photos; anything else is 404. The address has an extension so that the locale filter
 * treats it as a file, not a page.
 */
@WebServlet("/store/images/*")
public class ProductImageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("/([0-9]{1,18})\\.(?:jpg|png|webp)");

  @Inject private transient CatalogueService catalogue;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Matcher m = NAME.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
    if (!m.matches()) {
      res.sendError(404);
      return;
    }
    Optional<AuthenticatedUser> viewer =
        req.getAttribute(RingAuthenticationMechanism.CALLER_ATTRIBUTE)
                instanceof AuthenticatedUser u
            ? Optional.of(u)
            : Optional.empty();
    CatalogueService.ImageFile image;
    try {
      image = catalogue.image(viewer, Long.parseLong(m.group(1)));
    } catch (RingException e) {
      res.sendError(404);
      return;
    }
    if (!Files.isRegularFile(image.file())) {
      res.sendError(404);
      return;
    }
    res.setContentType(image.contentType());
    res.setContentLengthLong(Files.size(image.file()));
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Private: whether a photo may be seen changes with its product and store.
    res.setHeader("Cache-Control", "private, max-age=300");
    Files.copy(image.file(), res.getOutputStream());
  }
}
