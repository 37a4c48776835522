package io.mip.did.mip.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.crypto.Multibase;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The did:mip identifier: base58btc of SHA-256 over the JCS form of the create payload. */
public final class DidMipIds {
  /** The DID prefix, {@code did:mip:}. */
  public static final String PREFIX = "did:mip:";

  private static final Pattern ID = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{32,44}");

  private DidMipIds() {}

  /** Returns the DID a create payload names. */
  public static String derive(ObjectNode createPayload) {
    byte[] hash = Hashes.sha256(Jcs.canonicalize(createPayload));
    return PREFIX + Multibase.encodeBase58Btc(hash).substring(1);
  }

  /**
   * Returns whether {@code did} is a syntactically valid did:mip DID: the prefix and a base58btc
   * string that decodes to exactly 32 bytes and is their canonical encoding.
   */
  public static boolean isValid(String did) {
    if (did == null || !did.startsWith(PREFIX)) {
      return false;
    }
    String id = did.substring(PREFIX.length());
    if (!ID.matcher(id).matches()) {
      return false;
    }
    byte[] bytes = Multibase.decode("z" + id);
    return bytes.length == 32
        && Multibase.encodeBase58Btc(bytes).substring(1).equals(id)
        && !Arrays.equals(bytes, new byte[32]);
  }
}
