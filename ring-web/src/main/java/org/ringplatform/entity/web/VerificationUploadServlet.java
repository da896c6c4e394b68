package org.ringplatform.entity.web;

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
import org.ringplatform.verification.VerificationService;

/**
 * Receives a verification document from the owner's page as a plain multipart POST (the page's
 * address is served through a forward, which cannot carry a multipart body into Faces) and sends
 * the browser back to the page with the outcome. Only the signed-in applicant may add documents;
 * the service checks it. The SameSite=Lax session cookie does not travel with a cross-site POST.
 */
@WebServlet(VerificationUploadServlet.PATH)
@MultipartConfig(
    maxFileSize = 11_534_336L,
    maxRequestSize = 12_582_912L,
    fileSizeThreshold = 1_048_576)
public class VerificationUploadServlet extends HttpServlet {

  public static final String PATH = "/verification-upload";

  @Inject private VerificationService verification;

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
      Part file = req.getPart("file");
      if (file == null || file.getSize() == 0) {
        outcome = "error=file_missing";
      } else {
        try (InputStream in = file.getInputStream()) {
          verification.attach(
              user,
              req.getParameter("number"),
              file.getSubmittedFileName(),
              file.getContentType(),
              in);
        }
        outcome = "uploaded=1";
      }
    } catch (RingException e) {
      outcome = "error=" + URLEncoder.encode(e.code(), StandardCharsets.UTF_8);
    } catch (IllegalStateException e) {
      // The container refused a body over the multipart limits.
      outcome = "error=document_too_large";
    }
    res.setStatus(303);
    res.setHeader(
        "Location",
        (back.startsWith(req.getContextPath()) ? back : req.getContextPath() + back)
            + (back.contains("?") ? "&" : "?")
            + outcome);
  }
}
