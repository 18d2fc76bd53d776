package io.wopihost.office;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.spec.RSAPublicKeySpec;

/**
 * The RSA public key in a CAPI {@code PUBLICKEYBLOB}, as .NET's {@code
 * RSACryptoServiceProvider.ExportCspBlob} writes it into discovery's {@code value} attribute.
 *
 * <p>Layout, little-endian: {@code BLOBHEADER} (type {@code 0x06}, version {@code 0x02}, two
 * reserved bytes, the 4-byte algorithm id), {@code RSAPUBKEY} (magic {@code "RSA1"}, bit length,
 * public exponent), then the modulus, least significant byte first.
 */
final class CapiBlob {

  private static final byte PUBLICKEYBLOB = 0x06;
  private static final byte CUR_BLOB_VERSION = 0x02;
  private static final int RSA1 = 0x31415352; // "RSA1" read as a little-endian int
  private static final int HEADER_BYTES = 20;

  private CapiBlob() {}

  static RSAPublicKeySpec decode(byte[] blob) {
    if (blob.length < HEADER_BYTES || blob[0] != PUBLICKEYBLOB || blob[1] != CUR_BLOB_VERSION) {
      throw new IllegalArgumentException("not a CAPI PUBLICKEYBLOB");
    }
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    if (in.getInt(8) != RSA1) {
      throw new IllegalArgumentException("not an RSA public key blob (no RSA1 magic)");
    }
    int bits = in.getInt(12);
    long exponent = Integer.toUnsignedLong(in.getInt(16));
    if (bits <= 0 || bits % 8 != 0 || blob.length != HEADER_BYTES + bits / 8) {
      throw new IllegalArgumentException("the blob's length does not match its modulus size");
    }
    byte[] modulus = new byte[bits / 8];
    for (int i = 0; i < modulus.length; i++) {
      modulus[i] = blob[blob.length - 1 - i];
    }
    return new RSAPublicKeySpec(new BigInteger(1, modulus), BigInteger.valueOf(exponent));
  }
}
