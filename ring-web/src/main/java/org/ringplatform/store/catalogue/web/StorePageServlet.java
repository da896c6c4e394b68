package org.ringplatform.store.catalogue.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Claims the addresses {@code /store} and {@code /vendor}, which are both a page ({@code
 * store.xhtml}, {@code vendor.xhtml}) and a folder of pages ({@code store/product.xhtml}, {@code
 * vendor/start.xhtml}). Without an exact mapping the container would answer them with a redirect to
 * the folder ({@code /store/}) before any filter runs; with it, the locale filter serves them as
 * pages like every other address. Should a request reach this servlet anyway, it is forwarded to
 * the page.
 */
@WebServlet(urlPatterns = {"/store", "/vendor"})
public class StorePageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    req.getRequestDispatcher(req.getServletPath() + ".xhtml").forward(req, res);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    doGet(req, res);
  }
}
