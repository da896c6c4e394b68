package org.ringplatform.security.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ringplatform.i18n.web.LocaleSwitchServlet;

/**
 * Signs the portal visitor out: the session ends and a remembered device is forgotten. Only POST,
 * so a link or an image on another site cannot sign anyone out (and the SameSite=Lax session cookie
 * does not travel with a cross-site POST).
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    req.logout();
    if (req.getSession(false) != null) {
      req.getSession(false).invalidate();
    }
    String to = LocaleSwitchServlet.safeTarget(req.getParameter("to"));
    res.setStatus(303);
    res.setHeader("Location", to.startsWith(req.getContextPath()) ? to : req.getContextPath() + to);
  }
}
