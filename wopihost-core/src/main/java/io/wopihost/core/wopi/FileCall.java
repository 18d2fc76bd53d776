package io.wopihost.core.wopi;

import io.wopihost.core.model.FileRecord;
import io.wopihost.core.token.AccessToken;
import java.util.Arrays;
import java.util.Optional;

/** An authorised call on one file: who asks, about which file, with what request. */
record FileCall(AccessToken token, FileRecord file, WopiRequest request) {

  Optional<String> header(String name) {
    return request.header(name);
  }

  /** The first of several equivalent headers that is present (client-specific prefixes). */
  Optional<String> anyHeader(String... names) {
    return Arrays.stream(names).map(request::header).flatMap(Optional::stream).findFirst();
  }

  String fileId() {
    return file.id();
  }
}
