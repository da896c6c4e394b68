package org.ringplatform.portal.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Post-redirect-get from a Faces action: sends the browser to a portal address after a save. */
public final class Redirect {

  private Redirect() {}

  /** Redirects the current Faces request to {@code url} (already locale-prefixed). */
  public static void to(String url) {
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
