package io.wopihost.blob.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's content as it downloads. Closing it before the end aborts the download instead of
 * reading the rest of a possibly huge object just to reuse the connection.
 */
final class ObjectStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean atEnd;

  ObjectStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    atEnd |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    atEnd |= n < 0;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (!atEnd) {
      response.abort();
    }
    super.close();
  }
}
