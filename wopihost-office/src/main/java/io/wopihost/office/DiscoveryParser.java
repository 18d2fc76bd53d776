package io.wopihost.office;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a discovery document with StAX. DTDs are not supported and a document that has one is
 * refused, so neither external nor internal entities are ever expanded (no XXE, no entity bombs).
 */
final class DiscoveryParser {

  private static final XMLInputFactory FACTORY = factory();

  private DiscoveryParser() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  static Discovery parse(InputStream in, String hostScheme) throws IOException {
    XMLStreamReader xml;
    try {
      xml = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new InvalidDiscoveryException("not readable as XML: " + e.getMessage(), e);
    }
    try {
      return read(xml, hostScheme);
    } catch (XMLStreamException e) {
      throw new InvalidDiscoveryException("not well-formed XML: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidDiscoveryException("the proof-key element is unusable: " + e.getMessage(), e);
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // The reader holds nothing that outlives it; the stream is the caller's.
      }
    }
  }

  private static Discovery read(XMLStreamReader xml, String hostScheme)
      throws XMLStreamException, InvalidDiscoveryException {
    Map<String, List<WopiAction>> zones = new LinkedHashMap<>();
    Optional<ProofKeys> proofKeys = Optional.empty();
    String zone = "";
    String app = "";
    Optional<String> favIcon = Optional.empty();
    boolean root = true;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new InvalidDiscoveryException("the document has a DTD or entity references");
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String element = xml.getLocalName();
      if (root && !element.equals("wopi-discovery")) {
        throw new InvalidDiscoveryException(
            "the root element is <" + element + ">, not <wopi-discovery>");
      }
      root = false;
      switch (element) {
        case "net-zone" -> zone = attribute(xml, "name").orElse("");
        case "app" -> {
          app = attribute(xml, "name").orElse("");
          favIcon = attribute(xml, "favIconUrl");
        }
        case "action" -> {
          Optional<WopiAction> action = action(xml, app, favIcon);
          if (action.isPresent()) {
            zones.computeIfAbsent(zone, k -> new ArrayList<>()).add(action.get());
          }
        }
        case "proof-key" -> proofKeys = Optional.of(ProofKeys.fromAttributes(n -> attribute(xml, n)));
        default -> {
          // Other elements (and unknown future ones) carry nothing the host uses.
        }
      }
    }
    return new Discovery(chooseZone(zones, hostScheme), proofKeys);
  }

  /** An action with a name and a URL template; one identified by progid only has no use here. */
  private static Optional<WopiAction> action(
      XMLStreamReader xml, String app, Optional<String> favIcon) {
    Optional<String> name = attribute(xml, "name");
    Optional<String> urlsrc = attribute(xml, "urlsrc");
    if (name.isEmpty() || urlsrc.isEmpty()) {
      return Optional.empty();
    }
    Set<String> requires =
        attribute(xml, "requires").stream()
            .flatMap(r -> Arrays.stream(r.split(",")))
            .map(String::trim)
            .filter(r -> !r.isEmpty())
            .collect(Collectors.toSet());
    return Optional.of(
        new WopiAction(
            app,
            name.get(),
            attribute(xml, "ext").orElse("").toLowerCase(Locale.ROOT),
            urlsrc.get(),
            attribute(xml, "default").filter("true"::equalsIgnoreCase).isPresent(),
            requires,
            favIcon));
  }

  /**
   * Editors name zones differently (ONLYOFFICE and Collabora say {@code external-http} even over
   * https), so: the external zone of the host's scheme, then its internal one, then the other
   * scheme's, then whatever comes first.
   */
  private static List<WopiAction> chooseZone(
      Map<String, List<WopiAction>> zones, String hostScheme) {
    String other = hostScheme.equalsIgnoreCase("https") ? "http" : "https";
    for (String name :
        List.of(
            "external-" + hostScheme.toLowerCase(Locale.ROOT),
            "internal-" + hostScheme.toLowerCase(Locale.ROOT),
            "external-" + other,
            "internal-" + other)) {
      if (zones.containsKey(name)) {
        return zones.get(name);
      }
    }
    return zones.values().stream().findFirst().orElse(List.of());
  }

  private static Optional<String> attribute(XMLStreamReader xml, String name) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (xml.getAttributeLocalName(i).equals(name)) {
        return Optional.of(xml.getAttributeValue(i)).filter(v -> !v.isEmpty());
      }
    }
    return Optional.empty();
  }
}
