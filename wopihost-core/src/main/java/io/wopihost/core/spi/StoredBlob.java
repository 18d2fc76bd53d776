package io.wopihost.core.spi;

/**
 * What {@link BlobStore#put} wrote.
 *
 * @param key the new blob's key
 * @param size its size in bytes
 * @param sha256 Base64 (standard alphabet, padded) of its SHA-256, as CheckFileInfo's {@code
 *     SHA256} wants it
 */
public record StoredBlob(String key, long size, String sha256) {}
