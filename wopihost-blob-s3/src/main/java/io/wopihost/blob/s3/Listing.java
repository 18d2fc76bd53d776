package io.wopihost.blob.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;

/** A lazily paged listing as a stream whose failures are {@link UncheckedIOException}s. */
final class Listing {

  private Listing() {}

  static <T> Stream<T> stream(Iterable<T> pages) {
    Iterator<T> items = pages.iterator();
    Iterator<T> checked =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return items.hasNext();
            } catch (SdkException e) {
              throw new UncheckedIOException(new IOException("cannot list the bucket", e));
            }
          }

          @Override
          public T next() {
            try {
              return items.next();
            } catch (SdkException e) {
              throw new UncheckedIOException(new IOException("cannot list the bucket", e));
            }
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(checked, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
