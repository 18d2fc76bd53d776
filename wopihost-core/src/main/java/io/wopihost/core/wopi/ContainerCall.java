package io.wopihost.core.wopi;

import io.wopihost.core.model.ContainerRecord;
import io.wopihost.core.token.AccessToken;
import java.util.Optional;

/** An authorised call on one container: who asks, about which container, with what request. */
record ContainerCall(AccessToken token, ContainerRecord container, WopiRequest request) {

  Optional<String> header(String name) {
    return request.header(name);
  }
}
