package io.wopihost.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartReaderTest {

  private static final int PART = S3BlobStore.MIN_PART_SIZE;

  @Test
  void next_streamOfManyParts_neverBuffersMoreThanOnePart() throws Exception {
    PartReader reader = new PartReader(zeros(4L * PART + 7), Long.MAX_VALUE, PART);
    int parts = 0;

    while (reader.next()) {
      parts++;
      assertThat(reader.buffer().length).isLessThanOrEqualTo(PART);
    }

    assertThat(parts).isEqualTo(5);
    assertThat(reader.length()).isZero();
    assertThat(reader.total()).isEqualTo(4L * PART + 7);
  }

  @Test
  void next_smallStream_buffersOnlyAFewKilobytes() throws Exception {
    PartReader reader = new PartReader(new ByteArrayInputStream(new byte[100]), 1_000, PART);

    assertThat(reader.next()).isTrue();

    assertThat(reader.ended()).isTrue();
    assertThat(reader.length()).isEqualTo(100);
    assertThat(reader.buffer().length).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void next_fullPart_isNotYetKnownAsTheLast() throws Exception {
    PartReader reader = new PartReader(zeros(PART), PART, PART);

    assertThat(reader.next()).isTrue();
    assertThat(reader.ended()).isFalse();
    assertThat(reader.next()).isFalse();
    assertThat(reader.ended()).isTrue();
  }

  /** A stream of zeros that holds nothing in memory. */
  private static InputStream zeros(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
