package org.ringplatform.portal.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only servlet that answers 403 or fails, to exercise the branded error pages. */
@WebServlet({"/test-forbidden", "/test-failure"})
public class ErrorProbeServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (req.getServletPath().equals("/test-forbidden")) {
      res.sendError(403);
      return;
    }
    throw new IllegalStateException("internal detail that must not reach the page");
  }
}
