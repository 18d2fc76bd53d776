package io.wopihost.office;

import java.util.Collection;

/**
 * Which editor a discovery document comes from, as far as the host page needs to know: the
 * editors differ in how a running session takes a fresh access token and in the extra URL
 * parameters they understand.
 */
public enum Product {
  /** Office for the web. */
  MICROSOFT,
  /** Collabora Online (and LibreOffice Online). */
  COLLABORA,
  /** ONLYOFFICE Docs. */
  ONLYOFFICE,
  /** Any other WOPI client: treated as the spec describes, with no extension. */
  OTHER;

  /** Recognises the editor by the URL templates it publishes. */
  static Product of(Collection<WopiAction> actions) {
    for (WopiAction action : actions) {
      String url = action.urlsrc();
      if (url.contains("/cool.html") || url.contains("/loleaflet.html")) {
        return COLLABORA;
      }
      if (url.contains("/hosting/wopi/")) {
        return ONLYOFFICE;
      }
      if (url.contains(".officeapps.live.com/")) {
        return MICROSOFT;
      }
    }
    return OTHER;
  }
}
