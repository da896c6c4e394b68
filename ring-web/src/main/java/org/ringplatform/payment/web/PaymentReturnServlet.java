package org.ringplatform.payment.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Where the gateways send the payer back ({@code /payment-return?ref=}). WayForPay returns the
 * browser with a cross-site POST, which does not carry the SameSite=Lax session cookie; this
 * answers 303 so the browser comes to {@code /payment-result} with a GET, signed in again. Nothing
 * in the posted fields is trusted: the result page asks the ledger (and the gateway).
 */
@WebServlet(PaymentReturnServlet.PATH)
public class PaymentReturnServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  public static final String PATH = "/payment-return";
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    back(req, res);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    back(req, res);
  }

  private static void back(HttpServletRequest req, HttpServletResponse res) {
    String ref = req.getParameter("ref");
    String to =
        ref != null && REFERENCE.matcher(ref).matches() ? "/payment-result?ref=" + ref : "/";
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader("Location", req.getContextPath() + to);
    res.setHeader("Cache-Control", "no-store");
  }
}
