package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Hpke;
import io.mip.crypto.Jcs;
import io.mip.wallet.internal.JsonFields;
import java.util.Objects;

/**
 * One guardian's share of a passport seed, encrypted to the guardian DID's key agreement key with
 * HPKE (RFC 9180 base mode, DHKEM(X25519, HKDF-SHA256), AES-256-GCM).
 *
 * <p>The HPKE {@code info} binds the purpose, the terms (owner, all guardians, threshold, set id,
 * epoch) and this envelope's share index, so a share cannot be replayed as another owner's, another
 * index or another set's. The plaintext is the Shamir share {@code x || y} (33 bytes). The envelope
 * is public: only the guardian can open it, and one share alone reveals nothing of the seed.
 *
 * <p>File form ({@link #toJson()}): {@code {"type":"mip-guardian-share","v":1,"owner":...,
 * "guardians":[...],"threshold":t,"set":...,"epoch":e,"index":i,"enc":b64u,"ct":b64u}}.
 *
 * @param terms the guardian set's public terms
 * @param index this share's 1-based index; the guardian is {@code terms.guardian(index)}
 * @param sealed the HPKE output
 */
public record ShareEnvelope(GuardianTerms terms, int index, Hpke.Sealed sealed) {
  /** The file type. */
  public static final String TYPE = "mip-guardian-share";

  /** Plaintext length: one byte of x and 32 bytes of y. */
  public static final int SHARE_LENGTH = 33;

  /** Validates the fields. */
  public ShareEnvelope {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(sealed, "sealed");
    terms.guardian(index);
    if (sealed.ciphertext().length != SHARE_LENGTH + Hpke.TAG_LENGTH) {
      throw new IllegalArgumentException("a share ciphertext is 49 bytes");
    }
  }

  /** Returns the guardian this envelope is for. */
  public String guardianDid() {
    return terms.guardian(index);
  }

  /** Returns the HPKE info this envelope was sealed with. */
  public byte[] info() {
    return info(terms, index);
  }

  /** Returns the HPKE info for the share {@code index} of {@code terms}. */
  public static byte[] info(GuardianTerms terms, int index) {
    ObjectNode o = terms.toJson();
    o.put("purpose", "mip/guardian-share/v1");
    o.put("index", index);
    return Jcs.canonicalize(o);
  }

  /** Returns the file form. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", TYPE);
    o.put("v", 1);
    terms.writeTo(o);
    o.put("index", index);
    o.put("enc", Base64Url.encode(sealed.enc()));
    o.put("ct", Base64Url.encode(sealed.ciphertext()));
    return o;
  }

  /**
   * Parses the file form.
   *
   * @throws IllegalArgumentException if it is not a valid share envelope
   */
  public static ShareEnvelope fromJson(JsonNode o) {
    JsonFields.requireType(o, TYPE, 1);
    return new ShareEnvelope(
        GuardianTerms.read(o),
        JsonFields.integer(o, "index", 1, GuardianTerms.MAX_GUARDIANS),
        new Hpke.Sealed(
            JsonFields.bytes(o, "enc", Hpke.ENC_LENGTH, Hpke.ENC_LENGTH),
            JsonFields.bytes(o, "ct", 1, 1024)));
  }
}
