package org.ringplatform.store.catalogue.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.ringplatform.i18n.web.LocaleSwitchServlet;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.RingAuthenticationMechanism;
import org.ringplatform.store.catalogue.CatalogueService;

/**
 * Receives a product photo from the product editor as a plain multipart POST (the editor's address
 * is served through a forward, which cannot carry a multipart body into Faces) and sends the
 * browser back to the editor with the outcome. The service checks that the caller owns the
 * product's store; the SameSite=Lax session cookie does not travel with a cross-site POST.
 */
@WebServlet(ProductImageUploadServlet.PATH)
@MultipartConfig(
    maxFileSize = 6_291_456L,
    maxRequestSize = 7_340_032L,
    fileSizeThreshold = 1_048_576)
public class ProductImageUploadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  public static final String PATH = "/vendor/image-upload";

  @Inject private transient CatalogueService catalogue;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    String back = LocaleSwitchServlet.safeTarget(req.getParameter("back"));
    if (!(req.getAttribute(RingAuthenticationMechanism.CALLER_ATTRIBUTE)
        instanceof AuthenticatedUser user)) {
      res.sendError(401);
      return;
    }
    String outcome;
    try {
      long productId = Long.parseLong(String.valueOf(req.getParameter("productId")));
      Part file = req.getPart("file");
      if (file == null || file.getSize() == 0) {
        outcome = "error=file_missing";
      } else {
        try (InputStream in = file.getInputStream()) {
          catalogue.addImage(user, productId, file.getContentType(), in);
        }
        outcome = "uploaded=1";
      }
    } catch (NumberFormatException e) {
      outcome = "error=not_found";
    } catch (RingException e) {
      outcome = "error=" + URLEncoder.encode(e.code(), StandardCharsets.UTF_8);
    } catch (IllegalStateException e) {
      // The container refused a body over the multipart limits.
      outcome = "error=image_too_large";
    }
    res.setStatus(303);
    res.setHeader(
        "Location",
        (back.startsWith(req.getContextPath()) ? back : req.getContextPath() + back)
            + (back.contains("?") ? "&" : "?")
            + outcome);
  }
}
